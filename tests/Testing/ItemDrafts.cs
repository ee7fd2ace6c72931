namespace Quorum.Testing;

/// <summary>Items as a browser sends them to `CreateItem` (docs/api.md, ItemDraft).</summary>
public static class ItemDrafts
{
    /// <summary>A single best answer question on a child and family statement, with four options and key 1.</summary>
    public static object Question(string statement = "kss-cfp-3", string stem = "At what age do most children walk unaided?") => new
    {
        kind = "singleBestAnswer",
        statementId = statement,
        stem,
        options = new[] { "6 months", "12 months", "24 months", "36 months" },
        keys = new[] { 1 },
        rationale = "Typical range.",
        vignette = (string?)null,
        scenarioId = (Guid?)null,
    };
}

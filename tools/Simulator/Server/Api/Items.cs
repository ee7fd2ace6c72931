namespace Quorum.Simulator.Server.Api;

// Items, their fields and the bank, as docs/api.md describes them.

/// <summary>
/// A new item. A single best answer has 4 options and 1 key, a multiple response 8 options and 3 keys;
/// a scenario has only a vignette (stem and rationale stay null).
/// </summary>
public sealed record ItemDraft(
    ItemKind Kind,
    string StatementId,
    string? Stem,
    IReadOnlyList<string> Options,
    IReadOnlyList<int> Keys,
    string? Rationale,
    string? Vignette,
    Guid? ScenarioId);

public sealed record ItemView(
    ItemSummary Summary,
    IReadOnlyList<FieldState> Fields,
    IReadOnlyList<int> Keys,
    int KeysRevision,
    int StatementRevision,
    Rating? MyRating,
    IReadOnlyList<ThreadSummary> Threads,
    IReadOnlyList<Guid> LinkedItems)
{
    /// <summary>A text field as the view shows it; one the view leaves out is taken as empty at revision 0.</summary>
    public FieldState TextField(string field) =>
        Fields.FirstOrDefault(f => f.Field == field) ?? new FieldState(field, string.Empty, 0, null, null, null);
}

public sealed record FieldState(string Field, string Text, int Revision, Guid? EditedBy, string? EditedByName, DateTimeOffset? EditedAt);

public sealed record ItemSummary(
    Guid ItemId,
    Guid PanelId,
    ItemKind Kind,
    ItemStatus Status,
    string StatementId,
    Guid AuthorId,
    string AuthorName,
    string Title,
    int Comments,
    int OpenChallenges,
    RatingStatistics Ratings,
    bool ReviewClosed,
    Guid? ScenarioId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Ratios are null while too few panellists have rated for them to mean anything.</summary>
public sealed record RatingStatistics(
    int Raters,
    int Essential,
    int UsefulNotEssential,
    int NotNecessary,
    IReadOnlyList<int> Relevance,
    int KeyAgree,
    int KeyDisagree,
    double? ContentValidityRatio,
    int? CriticalEssential,
    double? CriticalRatio,
    bool MeetsCriticalValue,
    double? ItemContentValidityIndex,
    double? ModifiedKappa);

public sealed record BankView(IReadOnlyList<ItemSummary> Items, IReadOnlyList<StatementCount> Statements);

public sealed record StatementCount(string StatementId, int Items, int MeetingCriticalValue);

/// <summary>One panellist's judgement; <see cref="KeyCorrect"/> is null for a scenario only.</summary>
public sealed record Rating(Essentiality Essentiality, int Relevance, bool? KeyCorrect, string? Reason);

/// <summary>Field names the hub addresses (options are <c>option0</c>..<c>option7</c>).</summary>
public static class FieldNames
{
    public const string Stem = "stem";
    public const string Rationale = "rationale";
    public const string Vignette = "vignette";
}

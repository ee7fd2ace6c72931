namespace Quorum.Domain.Items;

/// <summary>
/// What an expert submits to write a new item. Options and rationale may still be empty in a draft;
/// the stem (or a scenario's vignette), the framework statement and the keys are required from the start.
/// </summary>
public sealed record ItemDraft(
    ItemKind Kind,
    string StatementId,
    string? Stem,
    IReadOnlyList<string>? Options,
    IReadOnlyList<int>? Keys,
    string? Rationale,
    string? Vignette,
    Guid? ScenarioId)
{
    /// <summary>Checks the draft against the item rules and the panel's framework; null when acceptable.</summary>
    public InputProblem? Validate(Func<string, bool> isKnownStatement)
    {
        if (!Enum.IsDefined(Kind))
        {
            return new InputProblem("kind", "Kind must be single best answer, multiple response or scenario.");
        }

        if (string.IsNullOrEmpty(StatementId) || !isKnownStatement(StatementId))
        {
            return new InputProblem("statementId", "Tag the item to one statement of the panel's framework.");
        }

        if (Kind == ItemKind.Scenario)
        {
            if (Stem is not null || Options is { Count: > 0 } || Keys is { Count: > 0 } || Rationale is not null)
            {
                return new InputProblem("kind", "A scenario has a vignette only: no stem, options, keys or rationale.");
            }

            if (ScenarioId is not null)
            {
                return new InputProblem("scenarioId", "A scenario cannot be linked to another scenario.");
            }

            return Text.Check(ItemFields.Vignette, Vignette, Limits.VignetteLength, required: true, "The vignette");
        }

        if (Vignette is not null)
        {
            return new InputProblem("vignette", "Only a scenario has a vignette; link the question to a scenario instead.");
        }

        var problem = Text.Check(ItemFields.Stem, Stem, Limits.StemLength, required: true, "The stem")
            ?? Text.Check(ItemFields.Rationale, Rationale, Limits.RationaleLength, required: false, "The rationale");
        if (problem is not null)
        {
            return problem;
        }

        var optionCount = ItemFields.OptionCount(Kind);
        if (Options is null || Options.Count != optionCount)
        {
            return new InputProblem("options", $"This kind of item has exactly {optionCount} options (got {Options?.Count ?? 0}).");
        }

        for (var i = 0; i < Options.Count; i++)
        {
            problem = Text.Check(ItemFields.Option(i), Options[i] ?? string.Empty, Limits.OptionLength, required: false, $"Option {(char)('A' + i)}");
            if (problem is not null)
            {
                return problem;
            }
        }

        return CheckKeys(Kind, Keys);
    }

    /// <summary>Checks that keys are the right number of distinct option indexes for the kind.</summary>
    public static InputProblem? CheckKeys(ItemKind kind, IReadOnlyList<int>? keys)
    {
        var keyCount = ItemFields.KeyCount(kind);
        var optionCount = ItemFields.OptionCount(kind);
        if (keys is null || keys.Count != keyCount)
        {
            return new InputProblem("keys", $"This kind of item has exactly {keyCount} key{(keyCount == 1 ? "" : "s")} (got {keys?.Count ?? 0}).");
        }

        if (keys.Any(k => k < 0 || k >= optionCount))
        {
            return new InputProblem("keys", $"A key must name one of the {optionCount} options.");
        }

        if (keys.Distinct().Count() != keys.Count)
        {
            return new InputProblem("keys", "The same option is named as a key twice.");
        }

        return null;
    }
}

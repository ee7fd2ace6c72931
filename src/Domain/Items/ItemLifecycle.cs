namespace Quorum.Domain.Items;

/// <summary>Who asks for a change of status.</summary>
/// <param name="IsFacilitator">A facilitator of the item's panel.</param>
/// <param name="IsAuthor">The expert who wrote the item.</param>
public readonly record struct StatusActor(bool IsFacilitator, bool IsAuthor);

/// <summary>
/// The item life cycle (Draft, In review, Needs revision, Agreed, Final, Withdrawn) and who may move an item where.
/// Items enter review only when a facilitator opens a round over them, and leave it when the round closes (by the
/// panel's rules); a facilitator may then override the rules' decision, with a reason that is recorded.
/// </summary>
public static class ItemLifecycle
{
    /// <summary>The statuses a round may take an item from into review.</summary>
    public static bool CanEnterReview(ItemStatus status) => status is ItemStatus.Draft or ItemStatus.NeedsRevision or ItemStatus.Agreed;

    /// <summary>Whether the item's text may be edited: while it is being written or revised.</summary>
    public static bool IsEditable(ItemStatus status) => status is ItemStatus.Draft or ItemStatus.NeedsRevision;

    /// <summary>True when moving from <paramref name="from"/> to <paramref name="to"/> by hand overrides a round's decision.</summary>
    public static bool IsOverride(ItemStatus from, ItemStatus to) =>
        (from, to) is (ItemStatus.Agreed, ItemStatus.NeedsRevision) or (ItemStatus.NeedsRevision, ItemStatus.Agreed);

    /// <summary>
    /// Why <paramref name="actor"/> may not move an item from <paramref name="from"/> to <paramref name="to"/> by hand,
    /// or null when they may. <paramref name="reason"/> is required for overrides, withdrawals and taking an item out of Final.
    /// </summary>
    public static InputProblem? CheckManual(ItemStatus from, ItemStatus to, StatusActor actor, string? reason)
    {
        if (!Enum.IsDefined(to))
        {
            return new InputProblem("status", "The status must be draft, needsRevision, agreed, final or withdrawn.");
        }

        if (from == to)
        {
            return new InputProblem("status", $"The item is already {Describe(to)}.");
        }

        if (from == ItemStatus.InReview || to == ItemStatus.InReview)
        {
            return new InputProblem("status", from == ItemStatus.InReview
                ? "The item is in an open review round; it leaves review when the round closes."
                : "Items go into review when a facilitator opens a round over them.");
        }

        var allowed = MayMove(from, to, actor);
        if (allowed is null)
        {
            return new InputProblem("status", $"An item cannot go from {Describe(from)} to {Describe(to)}.");
        }

        if (allowed == false)
        {
            // Name who may, not who is asking: another expert must not be told the author could do it when only a
            // facilitator can.
            return new InputProblem("status", MayMove(from, to, new StatusActor(IsFacilitator: false, IsAuthor: true)) == true
                ? $"Only the item's author or a facilitator can move it from {Describe(from)} to {Describe(to)}."
                : $"Only a facilitator can move an item from {Describe(from)} to {Describe(to)}.");
        }

        var needsReason = IsOverride(from, to) || to == ItemStatus.Withdrawn || from == ItemStatus.Final;
        if (needsReason && string.IsNullOrWhiteSpace(reason))
        {
            return new InputProblem("reason", IsOverride(from, to)
                ? "Give the reason for overriding the panel's decision; it is recorded."
                : $"Give the reason for moving the item from {Describe(from)} to {Describe(to)}; it is recorded.");
        }

        return Text.Check("reason", reason, Limits.ReasonLength, required: false, "A reason");
    }

    /// <summary>Whether <paramref name="actor"/> may move an item by hand; null when nobody may.</summary>
    private static bool? MayMove(ItemStatus from, ItemStatus to, StatusActor actor) => (from, to) switch
    {
        (ItemStatus.Draft, ItemStatus.Withdrawn) => actor.IsFacilitator || actor.IsAuthor,
        (ItemStatus.NeedsRevision, ItemStatus.Draft) => actor.IsFacilitator || actor.IsAuthor,
        (ItemStatus.Agreed, ItemStatus.NeedsRevision) or (ItemStatus.NeedsRevision, ItemStatus.Agreed) => actor.IsFacilitator,
        (ItemStatus.Agreed, ItemStatus.Final) or (ItemStatus.Final, ItemStatus.Agreed) => actor.IsFacilitator,
        (_, ItemStatus.Withdrawn) when from != ItemStatus.Final => actor.IsFacilitator,
        (ItemStatus.Withdrawn, ItemStatus.Draft) => actor.IsFacilitator,
        _ => null,
    };

    /// <summary>The status in words, as the pages show it.</summary>
    public static string Describe(ItemStatus status) => status switch
    {
        ItemStatus.Draft => "Draft",
        ItemStatus.InReview => "In review",
        ItemStatus.NeedsRevision => "Needs revision",
        ItemStatus.Agreed => "Agreed",
        ItemStatus.Final => "Final",
        ItemStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };
}

/// <summary>What an item must have before it can leave Draft for review.</summary>
public static class ItemCompleteness
{
    /// <summary>The required fields that are missing or wrong, each with its field name and what to do; empty when complete.</summary>
    /// <param name="text">The current text of a field by name.</param>
    public static IReadOnlyList<InputProblem> Missing(ItemKind kind, Func<string, string?> text, IReadOnlyList<int> keys, string statementId, Func<string, bool> isKnownStatement)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(isKnownStatement);
        var missing = new List<InputProblem>();
        if (string.IsNullOrEmpty(statementId) || !isKnownStatement(statementId))
        {
            missing.Add(new InputProblem("statementId", "Tag the item to one statement of the panel's framework."));
        }

        if (kind == ItemKind.Scenario)
        {
            Require(ItemFields.Vignette, "Write the vignette.");
            return missing;
        }

        Require(ItemFields.Stem, "Write the stem.");
        for (var i = 0; i < ItemFields.OptionCount(kind); i++)
        {
            Require(ItemFields.Option(i), $"Write option {(char)('A' + i)}.");
        }

        Require(ItemFields.Rationale, "Write the rationale: why the key is right and the distractors are not.");
        if (ItemDraft.CheckKeys(kind, keys) is { } keyProblem)
        {
            missing.Add(keyProblem);
        }

        return missing;

        void Require(string field, string message)
        {
            if (string.IsNullOrWhiteSpace(text(field)))
            {
                missing.Add(new InputProblem(field, message));
            }
        }
    }
}

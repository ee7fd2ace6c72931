namespace Quorum.Domain.Editing;

// The records of the editing path are structs: the authority handles millions of ops a second, and a struct
// keeps the ring of recent edits and every result free of heap allocations (the engine benchmark).

/// <summary>An op a tab sends: written against <paramref name="BaseRevision"/>, numbered by the tab.</summary>
/// <param name="ClientId">The tab's id, random per tab; with <paramref name="AuthorId"/> and <paramref name="ClientSeq"/> it makes a resend harmless.</param>
/// <param name="ClientSeq">1, 2, 3, ... per tab; a tab sends its next op only once the previous one is acknowledged.</param>
public readonly record struct EditRequest(Guid AuthorId, string ClientId, long ClientSeq, int BaseRevision, TextOp Op);

/// <summary>An op as the field applied it: transformed to follow everything before <paramref name="Revision"/>.</summary>
public readonly record struct AppliedEdit(int Revision, TextOp Op, Guid AuthorId, string ClientId, long ClientSeq, DateTimeOffset At);

/// <summary>What became of a submitted op.</summary>
public enum SubmitOutcome
{
    /// <summary>Applied as <see cref="SubmitResult.Edit"/>, the field's new revision.</summary>
    Applied,

    /// <summary>A resend of an op already applied, at <see cref="SubmitResult.Revision"/>; nothing changed.</summary>
    Duplicate,

    /// <summary>The base is older than <see cref="SubmitResult.Revision"/>, the oldest kept for transforming: the tab must fetch the field afresh.</summary>
    ResyncNeeded,

    /// <summary>The op does not fit the field, for <see cref="SubmitResult.Reason"/>; nothing changed.</summary>
    Rejected,
}

/// <summary>What became of a submitted op, with what goes with its <see cref="SubmitOutcome"/>.</summary>
/// <param name="Revision">The new revision (applied), the original one (duplicate), or the oldest mergeable base (resync).</param>
public readonly record struct SubmitResult(SubmitOutcome Outcome, int Revision, AppliedEdit? Edit, string? Reason)
{
    public static SubmitResult Applied(AppliedEdit edit) => new(SubmitOutcome.Applied, edit.Revision, edit, null);

    public static SubmitResult Duplicate(int revision) => new(SubmitOutcome.Duplicate, revision, null, null);

    public static SubmitResult ResyncNeeded(int oldestBase) => new(SubmitOutcome.ResyncNeeded, oldestBase, null, null);

    public static SubmitResult Rejected(string reason) => new(SubmitOutcome.Rejected, 0, null, reason);

    /// <summary>The applied edit; throws for any other outcome.</summary>
    public AppliedEdit AppliedEdit => Edit ?? throw new InvalidOperationException($"The op was not applied: {Outcome} {Reason}");
}

/// <summary>An edit as the journal stores it: the applied edit with the field it belongs to.</summary>
public sealed record RecordedEdit(
    Guid PanelId,
    Guid ItemId,
    string Field,
    int Revision,
    Guid AuthorId,
    string ClientId,
    long ClientSeq,
    DateTimeOffset At,
    TextOp Op);

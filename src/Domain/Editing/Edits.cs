namespace Quorum.Domain.Editing;

/// <summary>An op a tab sends: written against <paramref name="BaseRevision"/>, numbered by the tab.</summary>
/// <param name="ClientId">The tab's id, random per tab; with <paramref name="AuthorId"/> and <paramref name="ClientSeq"/> it makes a resend harmless.</param>
/// <param name="ClientSeq">1, 2, 3, ... per tab; a tab sends its next op only once the previous one is acknowledged.</param>
public sealed record EditRequest(Guid AuthorId, string ClientId, long ClientSeq, int BaseRevision, TextOp Op);

/// <summary>An op as the field applied it: transformed to follow everything before <paramref name="Revision"/>.</summary>
public sealed record AppliedEdit(int Revision, TextOp Op, Guid AuthorId, string ClientId, long ClientSeq, DateTimeOffset At);

/// <summary>What became of a submitted op.</summary>
public abstract record SubmitResult
{
    private SubmitResult()
    {
    }

    /// <summary>Applied as <see cref="Edit"/>, the field's new revision.</summary>
    public sealed record Applied(AppliedEdit Edit) : SubmitResult;

    /// <summary>A resend of an op already applied, at <see cref="Revision"/>; nothing changed.</summary>
    public sealed record Duplicate(int Revision) : SubmitResult;

    /// <summary>The base is older than the edits kept for transforming: the tab must fetch the field afresh.</summary>
    public sealed record ResyncNeeded(int OldestBase) : SubmitResult;

    /// <summary>The op does not fit the field; nothing changed.</summary>
    public sealed record Rejected(string Reason) : SubmitResult;
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

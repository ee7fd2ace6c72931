namespace Quorum.Domain.Editing;

/// <summary>
/// The durable, append-only history of every text field: each applied edit in revision order. A field's edit is
/// acknowledged only once the journal has it on disk.
/// </summary>
public interface IEditJournal
{
    /// <summary>
    /// Stores the edits (of one field, consecutive revisions) in one commit, shared with whatever other appends
    /// are waiting. Completes once they are durable.
    /// </summary>
    /// <exception cref="EditConflictException">A revision among them is already stored: another activation wrote it.</exception>
    Task AppendAsync(IReadOnlyList<RecordedEdit> edits);

    /// <summary>The edits of one field with revisions in (<paramref name="afterRevision"/>, <paramref name="upToRevision"/>], in order.</summary>
    Task<IReadOnlyList<RecordedEdit>> ReadAsync(
        Guid itemId, string field, int afterRevision, int upToRevision = int.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>The highest sequence number of one tab's edits to the field after <paramref name="afterRevision"/>, or null.</summary>
    Task<long?> LastClientSeqAsync(
        Guid itemId, string field, Guid authorId, string clientId, int afterRevision, CancellationToken cancellationToken = default);
}

/// <summary>A revision was already taken in the journal: two activations of one field wrote at once, and this one lost.</summary>
public sealed class EditConflictException : Exception
{
    public EditConflictException()
        : base("The edit's revision is already stored.")
    {
    }

    public EditConflictException(string message)
        : base(message)
    {
    }

    public EditConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EditConflictException(Guid itemId, string field, int revision)
        : base($"Revision {revision} of field '{field}' of item {itemId} is already stored; another activation of the field wrote it.")
    {
        ItemId = itemId;
        Field = field;
        Revision = revision;
    }

    public Guid ItemId { get; }

    public string? Field { get; }

    public int Revision { get; }
}

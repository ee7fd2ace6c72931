using Microsoft.Extensions.Logging;
using Quorum.Domain.Editing;
using Quorum.Storage.Journals;

namespace Quorum.Storage.Editing;

/// <summary>
/// The edit journal: appends go through one <see cref="GroupCommit{TRow}"/> into the <see cref="EditStore"/>, so
/// the edits of every field applied while one commit is under way share the next.
/// </summary>
internal sealed class EditJournal : IEditJournal, IAsyncDisposable
{
    private readonly EditStore store;
    private readonly GroupCommit<RecordedEdit> commits;

    public EditJournal(EditStore store, ILogger<EditJournal> logger)
    {
        this.store = store;
        commits = new GroupCommit<RecordedEdit>(
            appends => store.CommitAsync(appends),
            first => new EditConflictException(first.ItemId, first.Field, first.Revision),
            "edit journal",
            logger);
    }

    /// <summary>Commits made so far.</summary>
    internal int Commits => commits.Commits;

    public Task AppendAsync(IReadOnlyList<RecordedEdit> edits) => commits.AppendAsync(edits);

    public Task<IReadOnlyList<RecordedEdit>> ReadAsync(
        Guid itemId, string field, int afterRevision, int upToRevision = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        return store.ReadAsync(itemId, field, afterRevision, upToRevision, cancellationToken);
    }

    public Task<long?> LastClientSeqAsync(
        Guid itemId, string field, Guid authorId, string clientId, int afterRevision, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        return store.LastClientSeqAsync(itemId, field, authorId, clientId, afterRevision, cancellationToken);
    }

    public ValueTask DisposeAsync() => commits.DisposeAsync();
}

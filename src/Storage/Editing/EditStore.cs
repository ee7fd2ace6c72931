using System.Data.Common;
using Quorum.Domain.Editing;
using Quorum.Storage.Journals;

namespace Quorum.Storage.Editing;

/// <summary>
/// One database's side of the edit journal: a row per revision of a field, keyed by item, field and revision. An
/// append is the consecutive revisions one field applied together, stored or refused together.
/// </summary>
internal abstract class EditStore(DbDataSource writers) : JournalStore<RecordedEdit>(writers)
{
    public abstract Task<IReadOnlyList<RecordedEdit>> ReadAsync(Guid itemId, string field, int afterRevision, int upToRevision, CancellationToken cancellationToken);

    public abstract Task<long?> LastClientSeqAsync(Guid itemId, string field, Guid authorId, string clientId, int afterRevision, CancellationToken cancellationToken);

    protected static TextOp ParseOp(string json, Guid itemId, string field, int revision) =>
        TextOpJson.TryParse(json, out var op, out var error)
            ? op
            : throw new InvalidDataException($"The stored op of revision {revision} of field '{field}' of item {itemId} is not valid: {error}");
}

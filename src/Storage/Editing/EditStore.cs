using System.Data.Common;
using Quorum.Domain.Editing;

namespace Quorum.Storage.Editing;

/// <summary>
/// One database's side of the edit journal. A commit inserts every row, skipping (not failing on) a revision
/// that is already stored; an append with any skipped row is refused as a whole, so its other rows are deleted
/// again before the one commit. Refusing per append, not per commit, keeps one stale writer from failing the
/// edits of every other field that shared its commit.
/// </summary>
internal abstract class EditStore
{
    /// <summary>Commits the appends that do not collide; returns the indexes of those refused.</summary>
    public async Task<IReadOnlySet<int>> CommitAsync(IReadOnlyList<IReadOnlyList<RecordedEdit>> appends, CancellationToken cancellationToken = default)
    {
        var rows = appends.SelectMany(a => a).ToList();
        await using var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await InsertAsync(transaction, rows, cancellationToken).ConfigureAwait(false);

        var refused = new HashSet<int>();
        var undo = new List<RecordedEdit>();
        var row = 0;
        for (var i = 0; i < appends.Count; i++)
        {
            var count = appends[i].Count;
            var all = true;
            for (var j = row; j < row + count; j++)
            {
                all &= inserted[j];
            }

            if (!all)
            {
                refused.Add(i);
                undo.AddRange(Enumerable.Range(row, count).Where(j => inserted[j]).Select(j => rows[j]));
            }

            row += count;
        }

        if (undo.Count > 0)
        {
            await DeleteAsync(transaction, undo, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return refused;
    }

    public abstract Task<IReadOnlyList<RecordedEdit>> ReadAsync(Guid itemId, string field, int afterRevision, int upToRevision, CancellationToken cancellationToken);

    public abstract Task<long?> LastClientSeqAsync(Guid itemId, string field, Guid authorId, string clientId, int afterRevision, CancellationToken cancellationToken);

    protected abstract ValueTask<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the rows in order; for each, whether it was stored (false: its revision was taken).</summary>
    protected abstract Task<bool[]> InsertAsync(DbTransaction transaction, IReadOnlyList<RecordedEdit> rows, CancellationToken cancellationToken);

    protected abstract Task DeleteAsync(DbTransaction transaction, IReadOnlyList<RecordedEdit> rows, CancellationToken cancellationToken);

    protected static DbParameter AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    protected static TextOp ParseOp(string json, Guid itemId, string field, int revision) =>
        TextOpJson.TryParse(json, out var op, out var error)
            ? op
            : throw new InvalidDataException($"The stored op of revision {revision} of field '{field}' of item {itemId} is not valid: {error}");
}

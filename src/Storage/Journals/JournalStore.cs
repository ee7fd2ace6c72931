using System.Data.Common;

namespace Quorum.Storage.Journals;

/// <summary>
/// One database's side of a journal. A commit inserts every row, skipping (not failing on) a key that is already
/// stored; an append with any skipped row is refused as a whole, so its other rows are deleted again before the one
/// commit. Refusing per append, not per commit, keeps one stale writer from failing the appends of every other
/// grain that shared its commit.
/// </summary>
/// <param name="writers">Where commits get their connection: for SQLite the single-writer queue grain state also uses.</param>
internal abstract class JournalStore<TRow>(DbDataSource writers)
{
    /// <summary>Commits the appends that do not collide; returns the indexes of those refused.</summary>
    public async Task<IReadOnlySet<int>> CommitAsync(IReadOnlyList<IReadOnlyList<TRow>> appends, CancellationToken cancellationToken = default)
    {
        var rows = appends.SelectMany(a => a).ToList();
        await using var connection = await writers.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await InsertAsync(transaction, rows, cancellationToken).ConfigureAwait(false);

        var refused = new HashSet<int>();
        var undo = new List<TRow>();
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

    /// <summary>Inserts the rows in order; for each, whether it was stored (false: its key was taken).</summary>
    protected abstract Task<bool[]> InsertAsync(DbTransaction transaction, IReadOnlyList<TRow> rows, CancellationToken cancellationToken);

    /// <summary>Deletes rows this commit inserted for an append that is refused.</summary>
    protected abstract Task DeleteAsync(DbTransaction transaction, IReadOnlyList<TRow> rows, CancellationToken cancellationToken);

    protected static DbCommand Command(DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    protected static DbParameter AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

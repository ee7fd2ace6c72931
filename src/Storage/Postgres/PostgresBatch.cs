using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Quorum.Storage.Postgres;

/// <summary>
/// A journal commit's rows in one PostgreSQL statement: each column an array parameter, taken apart by unnest,
/// and the keys the insert returns telling which rows were stored.
/// </summary>
internal static class PostgresBatch
{
    public static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

    /// <summary>
    /// Runs an <c>INSERT ... ON CONFLICT DO NOTHING RETURNING</c> of the rows' keys; for each row, whether it was stored.
    /// </summary>
    public static async Task<bool[]> InsertAsync<TRow, TKey>(
        DbCommand insert, IReadOnlyList<TRow> rows, Func<TRow, TKey> key, Func<DbDataReader, TKey> readKey, CancellationToken cancellationToken)
    {
        var stored = new HashSet<TKey>();
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stored.Add(readKey(reader));
            }
        }

        // Remove as matched, so that if one commit carried the same key twice only the first counts as stored.
        return [.. rows.Select(row => stored.Remove(key(row)))];
    }

}

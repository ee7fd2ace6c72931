using Microsoft.Data.Sqlite;

namespace Quorum.Storage.Sqlite;

/// <summary>
/// The SQLite settings a connection string cannot carry. Journal mode WAL is stored in the database file
/// once set; synchronous and busy_timeout belong to each connection and must be set after every open.
/// </summary>
internal static class SqliteConnectionSetup
{
    /// <summary>
    /// How long SQLite waits for another process's lock before giving up with SQLITE_BUSY. Inside one silo
    /// the single-writer gate leaves no contention; this covers a second process (another start-up applying
    /// the schema, a backup, an operator's sqlite3 shell).
    /// </summary>
    public const int BusyTimeoutMilliseconds = 5_000;

    // synchronous = NORMAL with WAL: a commit survives the process being killed (the WAL is written before
    // the commit returns) and the file is never corrupted; a power cut or OS crash may lose the commits since
    // the last checkpoint. FULL adds an fsync to every commit, and with writers queued one at a time the
    // commit latency is the throughput cap: MEASURED.md has FULL at 1,253 vs NORMAL 1,844 writes/s for one
    // grain. On this machine's disk fsync is cheap and the queued writer measured the same either way
    // (about 2,400 writes/s), so the choice is about slower disks. PostgreSQL is the backend for deployments
    // where every acknowledged write must survive power loss.
    private const string PerConnectionPragmas =
        "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";

    /// <summary>
    /// Opens a configured connection outside the single-writer queue, for the journals' reads, which write-ahead
    /// logging lets run beside the writer.
    /// </summary>
    public static async Task<SqliteConnection> OpenForReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            Configure(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Applies the per-connection pragmas to an open connection.</summary>
    public static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnectionPragmas;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Switches the file to write-ahead logging (readers never block the writer, and commits are cheaper).
    /// Persistent, so once per start is enough; throws when the file system cannot do it.
    /// </summary>
    public static void UseWriteAheadLog(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = command.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"SQLite kept journal mode '{mode}' instead of WAL for {connection.DataSource}; put the data folder on a local file system.");
        }
    }
}

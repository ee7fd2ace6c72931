using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Quorum.Storage.Sqlite;

/// <summary>
/// Hands Orleans' grain storage one SQLite connection at a time, each configured with the per-connection
/// pragmas. Why one at a time: Microsoft.Data.Sqlite runs its "async" calls synchronously and waits out a
/// locked database with blocking sleeps, so many concurrent writers park thread-pool threads (MEASURED.md:
/// stalls over a second). SQLite commits one writer at a time anyway; queueing callers here, on an async
/// semaphore, costs no threads and keeps the file uncontended. Reads queue too (the provider does not say
/// which it will run); they only happen when grains activate. Measured with 100 grains writing at once
/// (200-byte state, 2 cores): queued, 2,400-2,600 writes/s with p99 50-190 ms and timers at most 86 ms late;
/// unqueued (Orleans' plain connection string), 520-1,200 writes/s with p99 1.6-4.0 s and timers up to
/// 640 ms late, i.e. a stalled thread pool.
/// </summary>
/// <remarks>
/// Why a data source rather than a PRAGMA prefix on the provider's query texts: the provider would run the
/// prefix on every read, write and clear, whereas a data source configures each connection where it is
/// opened, and it is the one place to queue writers. Orleans accepts it through
/// <c>AdoNetGrainStorageOptions.DataSource</c>.
/// </remarks>
internal sealed class SingleWriterSqliteDataSource(string connectionString) : DbDataSource
{
    // Never disposed: a connection still out at shutdown releases its turn on dispose, and SemaphoreSlim
    // holds nothing that needs disposing unless its wait handle is used.
    private readonly SemaphoreSlim turn = new(1, 1);

    public override string ConnectionString => connectionString;

    /// <summary>An unopened connection outside the queue; Orleans uses this only to check the connection type.</summary>
    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override DbConnection OpenDbConnection()
    {
        turn.Wait();
        return OpenInTurn();
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        return OpenInTurn();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Close the pooled handles on this file so that the folder can be moved or deleted after the silo stops.
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }

        base.Dispose(disposing);
    }

    private SingleWriterSqliteConnection OpenInTurn()
    {
        var connection = new SingleWriterSqliteConnection(connectionString, turn);
        try
        {
            connection.Open();
            SqliteConnectionSetup.Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose(); // gives the turn back
            throw;
        }
    }
}

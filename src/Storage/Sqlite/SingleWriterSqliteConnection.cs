using Microsoft.Data.Sqlite;

namespace Quorum.Storage.Sqlite;

/// <summary>
/// A SQLite connection that holds the data source's single turn until it is disposed. It stays a
/// <see cref="SqliteConnection"/> so that Orleans' check of the connection type still passes.
/// </summary>
internal sealed class SingleWriterSqliteConnection(string connectionString, SemaphoreSlim turn)
    : SqliteConnection(connectionString)
{
    private int released;

    protected override void Dispose(bool disposing)
    {
        try
        {
            base.Dispose(disposing);
        }
        finally
        {
            if (disposing && Interlocked.Exchange(ref released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}

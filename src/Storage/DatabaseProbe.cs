using Microsoft.Extensions.Logging;

namespace Quorum.Storage;

/// <summary>
/// Reads one row of OrleansQuery: proves in a single round trip that the database answers and that the
/// schema the grain storage provider needs is there (a web node may start before any silo applied it).
/// </summary>
internal sealed partial class DatabaseProbe(StorageSettings settings, ILogger<DatabaseProbe> logger) : IDatabaseProbe
{
    /// <summary>Short, so that a readiness check answers well within a load balancer's own timeout.</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    // Unquoted, so PostgreSQL folds it to the lower-case table; valid as is in SQLite.
    private const string Query = "SELECT 1 FROM OrleansQuery LIMIT 1";

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await using var connection = StorageConnections.CreateForProbe(settings, Timeout);
            await connection.OpenAsync(deadline.Token).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = Query;
            await command.ExecuteScalarAsync(deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure means "not ready"; the reason goes to the log, not to the anonymous caller.
            LogNotReady(exception, settings, exception.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database probe of {Database} failed: {Reason}")]
    private partial void LogNotReady(Exception exception, StorageSettings database, string reason);
}

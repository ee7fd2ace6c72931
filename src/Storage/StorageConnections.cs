using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quorum.Storage.Sqlite;

namespace Quorum.Storage;

/// <summary>Connections of Quorum's own (schema, probe), outside the grain storage provider's queue.</summary>
internal static class StorageConnections
{
    /// <summary>Opens a connection for applying the schema; for SQLite, creates the data folder and turns on WAL.</summary>
    public static async Task<DbConnection> OpenForSchemaAsync(StorageSettings settings, CancellationToken cancellationToken)
    {
        switch (settings.Backend)
        {
            case StorageBackend.Sqlite:
                Directory.CreateDirectory(RequireDataDirectory(settings));
                var sqlite = new SqliteConnection(settings.ConnectionString);
                try
                {
                    await sqlite.OpenAsync(cancellationToken).ConfigureAwait(false);
                    SqliteConnectionSetup.Configure(sqlite);
                    SqliteConnectionSetup.UseWriteAheadLog(sqlite);
                    return sqlite;
                }
                catch
                {
                    await sqlite.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

            case StorageBackend.Postgres:
                var postgres = new NpgsqlConnection(settings.ConnectionString);
                try
                {
                    await postgres.OpenAsync(cancellationToken).ConfigureAwait(false);
                    return postgres;
                }
                catch
                {
                    await postgres.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

            default:
                throw UnknownBackend(settings);
        }
    }

    /// <summary>
    /// An unopened connection for the readiness probe. SQLite opens read-write without create, so a missing
    /// database file reads as "not ready" instead of being silently recreated empty.
    /// </summary>
    public static DbConnection CreateForProbe(StorageSettings settings, TimeSpan timeout)
    {
        var seconds = (int)Math.Ceiling(timeout.TotalSeconds);
        return settings.Backend switch
        {
            StorageBackend.Sqlite => new SqliteConnection(new SqliteConnectionStringBuilder(settings.ConnectionString)
            {
                Mode = SqliteOpenMode.ReadWrite,
                DefaultTimeout = seconds,
            }.ToString()),
            StorageBackend.Postgres => new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString)
            {
                Timeout = seconds,
                CommandTimeout = seconds,
            }.ToString()),
            _ => throw UnknownBackend(settings),
        };
    }

    private static string RequireDataDirectory(StorageSettings settings) =>
        settings.DataDirectory ?? throw new ArgumentException(
            "SQLite storage settings need a DataDirectory; build them with StorageSettings.Sqlite(dataDirectory).",
            nameof(settings));

    private static ArgumentOutOfRangeException UnknownBackend(StorageSettings settings) =>
        new(nameof(settings), settings.Backend, $"Storage backend {settings.Backend} is not supported.");
}

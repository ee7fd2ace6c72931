using System.Collections.Concurrent;
using Npgsql;

namespace Quorum.Storage.Tests.Databases;

/// <summary>
/// PostgreSQL databases named quorum_test_*, created on the server in QUORUM_TEST_POSTGRES and dropped
/// afterwards. Without that variable, or without a server answering there, every test of the class fails
/// with instructions: these tests never pass by skipping.
/// </summary>
public sealed class PostgresTestDatabases : ITestDatabases, IAsyncLifetime
{
    public const string EnvironmentVariable = "QUORUM_TEST_POSTGRES";

    private const string HowToStart =
        "Start PostgreSQL and point the tests at it: " +
        "export " + EnvironmentVariable + "=\"$(scripts/ensure-postgres.sh | tail -n 1)\" (as root, from the repository root).";

    private readonly ConcurrentBag<string> created = [];
    private NpgsqlConnectionStringBuilder? server;

    private NpgsqlConnectionStringBuilder Server => server
        ?? throw new InvalidOperationException($"The PostgreSQL test server was not reached. {HowToStart}");

    public async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Environment variable {EnvironmentVariable} is not set. {HowToStart}");
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ToString());
            await connection.OpenAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL at {builder.Host}:{builder.Port} (from {EnvironmentVariable}) did not accept user {builder.Username}: {exception.Message}. {HowToStart}",
                exception);
        }

        server = builder;
    }

    public async Task DisposeAsync()
    {
        if (server is null)
        {
            return;
        }

        // Silos leave pooled connections open; WITH (FORCE) ends any that remain.
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server.ToString());
        await connection.OpenAsync();
        foreach (var name in created)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await command.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
                {
                    // An autovacuum worker is in the database and the role may not end it (no pg_signal_backend):
                    // it finishes within moments.
                    await Task.Delay(250);
                }
            }
        }
    }

    public async Task<StorageSettings> CreateAsync()
    {
        var name = $"quorum_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(Server.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }

        created.Add(name);
        // Each test has a database and so a pool of its own: idle connections are closed after a second, so
        // that finished tests do not hold the server's connection slots while later ones run.
        var database = new NpgsqlConnectionStringBuilder(Server.ToString())
        {
            Database = name,
            Pooling = true,
            MaxPoolSize = 10,
            ConnectionIdleLifetime = 1,
            ConnectionPruningInterval = 1,
        };
        return StorageSettings.Postgres(database.ToString());
    }

    public async Task<StoredRow?> ReadRowAsync(StorageSettings settings, string stateType, string storedKey)
    {
        await using var connection = await OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT version, payload FROM grain_state
            WHERE grain_type = @type AND grain_id_n0 = 0 AND grain_id_n1 = 0 AND grain_id_extension = @key
            """;
        command.Parameters.AddWithValue("type", stateType);
        command.Parameters.AddWithValue("key", storedKey);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var row = new StoredRow(reader.GetInt32(0), reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1));
        Assert.False(await reader.ReadAsync(), $"Two rows stored for {stateType} {storedKey}.");
        return row;
    }

    public async Task<int> CountRowsAsync(StorageSettings settings)
    {
        await using var connection = await OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM grain_state";
        return checked((int)(long)(await command.ExecuteScalarAsync())!);
    }

    public async Task<IReadOnlyList<int>> ReadSchemaVersionsAsync(StorageSettings settings)
    {
        await using var connection = await OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM quorum_schema_version ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    public async Task<IReadOnlyDictionary<string, string>> ReadProviderQueriesAsync(StorageSettings settings)
    {
        await using var connection = await OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT querykey, querytext FROM orleansquery";
        await using var reader = await command.ExecuteReaderAsync();
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            queries.Add(reader.GetString(0), reader.GetString(1));
        }

        return queries;
    }

    public async Task<string?> ReadRatingJsonAsync(StorageSettings settings, Guid itemId, int seq)
    {
        await using var connection = await OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rating FROM item_rating WHERE item_id = @item AND seq = @seq";
        command.Parameters.AddWithValue("item", itemId);
        command.Parameters.AddWithValue("seq", seq);
        return (string?)await command.ExecuteScalarAsync();
    }

    public async Task<IAsyncDisposable> HoldJournalCommitsAsync(StorageSettings settings, IServiceProvider silo)
    {
        var connection = await OpenAsync(settings);
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = connection.CreateCommand())
        {
            // Conflicts with the ROW EXCLUSIVE lock an INSERT takes, and with nothing a SELECT takes.
            command.CommandText = "LOCK TABLE field_edit, item_rating IN SHARE ROW EXCLUSIVE MODE";
            await command.ExecuteNonQueryAsync();
        }

        return new HeldLock(connection, transaction);
    }

    private static async Task<NpgsqlConnection> OpenAsync(StorageSettings settings)
    {
        var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private sealed class HeldLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.CommitAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quorum.Storage.Sqlite;

namespace Quorum.Storage.Tests.Databases;

/// <summary>SQLite databases in data folders under one temporary folder, deleted afterwards.</summary>
public sealed class SqliteTestDatabases : ITestDatabases, IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "quorum-storage-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        // Pooled handles keep the files open; close them before deleting the folder.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>A data folder that does not exist yet: creating it is part of what is tested.</summary>
    public Task<StorageSettings> CreateAsync() =>
        Task.FromResult(StorageSettings.Sqlite(Path.Combine(root, Guid.NewGuid().ToString("N"), "data")));

    public async Task<StoredRow?> ReadRowAsync(StorageSettings settings, string stateType, string storedKey)
    {
        await using var connection = await OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Version, PayloadBinary FROM GrainState
            WHERE GrainTypeString = $type AND GrainIdN0 = 0 AND GrainIdN1 = 0 AND GrainIdExtensionString = $key
            """;
        command.Parameters.AddWithValue("$type", stateType);
        command.Parameters.AddWithValue("$key", storedKey);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var row = new StoredRow(checked((int)reader.GetInt64(0)), reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1));
        Assert.False(await reader.ReadAsync(), $"Two rows stored for {stateType} {storedKey}.");
        return row;
    }

    public async Task<int> CountRowsAsync(StorageSettings settings)
    {
        await using var connection = await OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM GrainState";
        return checked((int)(long)(await command.ExecuteScalarAsync())!);
    }

    public async Task<IReadOnlyList<int>> ReadSchemaVersionsAsync(StorageSettings settings)
    {
        await using var connection = await OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Version FROM QuorumSchemaVersion ORDER BY Version";
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(checked((int)reader.GetInt64(0)));
        }

        return versions;
    }

    public async Task<IReadOnlyDictionary<string, string>> ReadProviderQueriesAsync(StorageSettings settings)
    {
        await using var connection = await OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT QueryKey, QueryText FROM OrleansQuery";
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
        command.CommandText = "SELECT Rating FROM ItemRating WHERE ItemId = $item AND Seq = $seq";
        command.Parameters.AddWithValue("$item", itemId.ToString("N"));
        command.Parameters.AddWithValue("$seq", seq);
        return (string?)await command.ExecuteScalarAsync();
    }

    public async Task<IAsyncDisposable> HoldJournalCommitsAsync(StorageSettings settings, IServiceProvider silo) =>
        await silo.GetRequiredService<SingleWriterSqliteDataSource>().OpenConnectionAsync();

    /// <summary>Opens the existing database read-only, so a check can never create or change it.</summary>
    public static async Task<SqliteConnection> OpenAsync(StorageSettings settings)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(settings.ConnectionString)
        {
            Mode = SqliteOpenMode.ReadOnly,
        }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Quorum.Storage.Tests.Databases;

namespace Quorum.Storage.Tests;

/// <summary>
/// On SQLite the schema applies idempotently and concurrently (<see cref="SchemaContract"/>); the data folder
/// is created on first use, the file is left in WAL mode, and the probe never creates a missing database.
/// </summary>
public sealed class SqliteSchemaTests(SqliteTestDatabases databases)
    : SchemaContract(databases, StorageBackend.Sqlite), IClassFixture<SqliteTestDatabases>
{
    [Fact]
    public async Task The_data_folder_is_created_and_the_file_left_in_write_ahead_log_mode()
    {
        var settings = await databases.CreateAsync();
        Assert.False(Directory.Exists(settings.DataDirectory));

        await QuorumStorage.ApplySchemaAsync(settings);

        Assert.True(File.Exists(Path.Combine(settings.DataDirectory!, StorageSettings.SqliteFileName)));
        await using var connection = await SqliteTestDatabases.OpenAsync(settings);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_probe_reports_a_missing_database_file_without_creating_it()
    {
        var settings = await databases.CreateAsync();
        var probe = new DatabaseProbe(settings, NullLogger<DatabaseProbe>.Instance);

        Assert.False(await probe.IsReadyAsync(CancellationToken.None));

        Assert.False(Directory.Exists(settings.DataDirectory));
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_created_fails_with_the_database_named()
    {
        var blocker = Path.Combine(Path.GetTempPath(), $"quorum-blocker-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(blocker, "a file where the data folder's parent should be");
        try
        {
            var settings = StorageSettings.Sqlite(Path.Combine(blocker, "data"));

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => QuorumStorage.ApplySchemaAsync(settings));

            Assert.Contains(Path.Combine(blocker, "data", StorageSettings.SqliteFileName), failure.Message);
            Assert.Contains("opening the database", failure.Message);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(blocker);
        }
    }
}

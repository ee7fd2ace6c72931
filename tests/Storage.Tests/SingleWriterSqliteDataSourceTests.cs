using Microsoft.Data.Sqlite;
using Quorum.Storage.Sqlite;
using Quorum.Storage.Tests.Databases;

namespace Quorum.Storage.Tests;

/// <summary>
/// Orleans gets one SQLite connection at a time from Quorum, each with synchronous NORMAL and a busy
/// timeout set, and a connection's turn passes to the next caller when it is disposed.
/// </summary>
public sealed class SingleWriterSqliteDataSourceTests(SqliteTestDatabases databases) : IClassFixture<SqliteTestDatabases>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_second_caller_waits_until_the_first_connection_is_disposed()
    {
        var settings = await databases.CreateAsync();
        await QuorumStorage.ApplySchemaAsync(settings);
        using var source = new SingleWriterSqliteDataSource(settings.ConnectionString);

        var first = await source.OpenConnectionAsync();
        var second = source.OpenConnectionAsync().AsTask();
        Assert.False(second.IsCompleted, "The second connection opened while the first was still out.");

        await first.DisposeAsync();
        await using var secondConnection = await second.WaitAsync(Patience);
        Assert.Equal(System.Data.ConnectionState.Open, secondConnection.State);
    }

    [Fact]
    public async Task A_cancelled_wait_does_not_take_the_turn()
    {
        var settings = await databases.CreateAsync();
        await QuorumStorage.ApplySchemaAsync(settings);
        using var source = new SingleWriterSqliteDataSource(settings.ConnectionString);
        using var cancel = new CancellationTokenSource();

        var first = await source.OpenConnectionAsync();
        var abandoned = source.OpenConnectionAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await first.DisposeAsync();

        await using var next = await source.OpenConnectionAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(System.Data.ConnectionState.Open, next.State);
    }

    [Fact]
    public async Task Every_connection_has_synchronous_normal_and_a_busy_timeout()
    {
        var settings = await databases.CreateAsync();
        await QuorumStorage.ApplySchemaAsync(settings);
        using var source = new SingleWriterSqliteDataSource(settings.ConnectionString);

        for (var round = 0; round < 2; round++) // the second round gets the pooled handle back
        {
            await using var connection = (SqliteConnection)await source.OpenConnectionAsync();
            Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous")); // 1 = NORMAL
            Assert.Equal((long)SqliteConnectionSetup.BusyTimeoutMilliseconds, await ScalarAsync(connection, "PRAGMA busy_timeout"));
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}

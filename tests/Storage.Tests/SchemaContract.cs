using Microsoft.Extensions.Logging.Abstractions;
using Quorum.Storage.Schema;
using Quorum.Storage.Tests.Databases;

namespace Quorum.Storage.Tests;

/// <summary>
/// The schema contract every backend must keep: applying it any number of times, also concurrently from
/// several connections, leaves each numbered script recorded exactly once and the provider's queries equal
/// to the text shipped in this build; the readiness probe answers true only once that schema is there.
/// </summary>
public abstract class SchemaContract(ITestDatabases databases, StorageBackend backend)
{
    [Fact]
    public async Task Schema_applies_twice_without_error_and_records_each_script_once()
    {
        var settings = await databases.CreateAsync();

        await QuorumStorage.ApplySchemaAsync(settings);
        await QuorumStorage.ApplySchemaAsync(settings);

        await AssertCompleteSchemaAsync(settings);
    }

    [Fact]
    public async Task Concurrent_applications_to_a_new_database_all_succeed()
    {
        var settings = await databases.CreateAsync();

        // Separate connections contend exactly as separate processes do: for SQLite's file lock, and for
        // PostgreSQL's catalog.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => QuorumStorage.ApplySchemaAsync(settings))));

        await AssertCompleteSchemaAsync(settings);
    }

    [Fact]
    public async Task The_probe_is_ready_only_once_the_schema_is_applied()
    {
        var settings = await databases.CreateAsync();
        var probe = new DatabaseProbe(settings, NullLogger<DatabaseProbe>.Instance);
        if (backend == StorageBackend.Sqlite)
        {
            Directory.CreateDirectory(settings.DataDirectory!);
        }

        Assert.False(await probe.IsReadyAsync(CancellationToken.None));
        await QuorumStorage.ApplySchemaAsync(settings);
        Assert.True(await probe.IsReadyAsync(CancellationToken.None));
    }

    private async Task AssertCompleteSchemaAsync(StorageSettings settings)
    {
        var shipped = SqlScripts.For(backend);
        Assert.Equal(shipped.Schema.Select(script => script.Version), await databases.ReadSchemaVersionsAsync(settings));
        var stored = await databases.ReadProviderQueriesAsync(settings);
        Assert.Equal(SqlScripts.ProviderQueryKeys.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var key in SqlScripts.ProviderQueryKeys)
        {
            Assert.Equal(shipped.ProviderQueries[key], stored[key]);
        }

        Assert.Equal(0, await databases.CountRowsAsync(settings));
    }
}

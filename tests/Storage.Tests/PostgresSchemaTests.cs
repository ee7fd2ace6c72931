using Microsoft.Extensions.Logging.Abstractions;
using Quorum.Storage.Tests.Databases;

namespace Quorum.Storage.Tests;

/// <summary>
/// On PostgreSQL the schema applies idempotently and concurrently (<see cref="SchemaContract"/>), and the
/// probe answers false, within its short timeout, when no server listens.
/// </summary>
public sealed class PostgresSchemaTests(PostgresTestDatabases databases)
    : SchemaContract(databases, StorageBackend.Postgres), IClassFixture<PostgresTestDatabases>
{
    [Fact]
    public async Task The_probe_answers_false_promptly_when_no_server_listens()
    {
        // The fixture is used so that a missing server fails this class like the others, with instructions.
        _ = await databases.CreateAsync();
        var settings = StorageSettings.Postgres("Host=127.0.0.1;Port=1;Username=quorum;Password=quorum;Database=postgres");
        var probe = new DatabaseProbe(settings, NullLogger<DatabaseProbe>.Instance);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.False(await probe.IsReadyAsync(CancellationToken.None));

        Assert.True(clock.Elapsed < DatabaseProbe.Timeout + TimeSpan.FromSeconds(1), $"The probe took {clock.Elapsed}.");
    }
}

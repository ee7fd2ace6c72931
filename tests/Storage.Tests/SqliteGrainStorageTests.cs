using Quorum.Storage.Tests.Databases;

namespace Quorum.Storage.Tests;

/// <summary>
/// On SQLite, grain state survives deactivation and restarts, and a stale version is refused without
/// touching the stored row (the contract in <see cref="GrainStorageContract"/>).
/// </summary>
public sealed class SqliteGrainStorageTests(SqliteTestDatabases databases)
    : GrainStorageContract(databases), IClassFixture<SqliteTestDatabases>;

namespace Quorum.Storage;

/// <summary>The database that holds grain state.</summary>
public enum StorageBackend
{
    /// <summary>One file on local disk: a single node, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: required once several silos share the state.</summary>
    Postgres,
}

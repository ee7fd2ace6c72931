namespace Quorum.Storage.Tests.Databases;

/// <summary>
/// Real, empty databases of one backend for a test class, removed when the class is done, and raw reads
/// of what the schema and the provider left in them.
/// </summary>
public interface ITestDatabases
{
    /// <summary>A new database nothing has touched yet (no schema).</summary>
    Task<StorageSettings> CreateAsync();

    /// <summary>The grain state row stored under this state type and key text, or null when there is none.</summary>
    Task<StoredRow?> ReadRowAsync(StorageSettings settings, string stateType, string storedKey);

    /// <summary>How many grain state rows the database holds.</summary>
    Task<int> CountRowsAsync(StorageSettings settings);

    /// <summary>The schema versions recorded as applied, in order.</summary>
    Task<IReadOnlyList<int>> ReadSchemaVersionsAsync(StorageSettings settings);

    /// <summary>The provider's queries as stored in OrleansQuery.</summary>
    Task<IReadOnlyDictionary<string, string>> ReadProviderQueriesAsync(StorageSettings settings);

    /// <summary>The rating column of the rating journal's row (item, seq) as stored, or null when there is none.</summary>
    Task<string?> ReadRatingJsonAsync(StorageSettings settings, Guid itemId, int seq);

    /// <summary>
    /// Holds back every journal commit of the silo until disposed (SQLite: the silo's single writer turn;
    /// PostgreSQL: a lock on the journal tables); appends queue behind the commit the writer has taken.
    /// </summary>
    Task<IAsyncDisposable> HoldJournalCommitsAsync(StorageSettings settings, IServiceProvider silo);
}

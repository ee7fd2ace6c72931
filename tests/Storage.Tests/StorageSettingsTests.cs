using Microsoft.Extensions.Configuration;

namespace Quorum.Storage.Tests;

/// <summary>
/// Configuration selects PostgreSQL exactly when its connection string is set and SQLite in the content
/// root's data folder otherwise, with the invariant names Orleans accepts; settings never print a password.
/// </summary>
public sealed class StorageSettingsTests
{
    private static readonly string ContentRoot = Path.Combine(Path.GetTempPath(), "quorum-content-root");

    [Fact]
    public void Without_configuration_storage_is_sqlite_in_the_data_folder_of_the_content_root()
    {
        var settings = StorageSettings.FromConfiguration(Configuration(), ContentRoot);

        Assert.Equal(StorageBackend.Sqlite, settings.Backend);
        Assert.Equal("System.Data.SQLite", settings.Invariant);
        Assert.Equal(Path.Combine(ContentRoot, "data"), settings.DataDirectory);
        Assert.Contains(Path.Combine(ContentRoot, "data", "quorum.db"), settings.ConnectionString);
    }

    [Fact]
    public void A_relative_data_directory_is_taken_relative_to_the_content_root()
    {
        var settings = StorageSettings.FromConfiguration(Configuration((StorageSettings.DataDirectoryKey, "state/sqlite")), ContentRoot);

        Assert.Equal(Path.Combine(ContentRoot, "state", "sqlite"), settings.DataDirectory);
    }

    [Fact]
    public void A_postgres_connection_string_selects_postgres()
    {
        const string ConnectionString = "Host=127.0.0.1;Port=5432;Username=quorum;Password=secret-word;Database=quorum";

        var settings = StorageSettings.FromConfiguration(
            Configuration((StorageSettings.PostgresConnectionStringKey, ConnectionString), (StorageSettings.DataDirectoryKey, "ignored")),
            ContentRoot);

        Assert.Equal(StorageBackend.Postgres, settings.Backend);
        Assert.Equal("Npgsql", settings.Invariant);
        Assert.Null(settings.DataDirectory);
        Assert.Equal(ConnectionString + ";Maximum Pool Size=20", settings.ConnectionString);
    }

    [Fact]
    public void A_pool_size_given_in_the_connection_string_is_kept()
    {
        const string ConnectionString = "Host=127.0.0.1;Username=quorum;Password=quorum;maxpoolsize=7";

        var settings = StorageSettings.Postgres(ConnectionString);

        Assert.Equal(ConnectionString, settings.ConnectionString);
    }

    [Fact]
    public void An_empty_postgres_connection_string_still_means_sqlite()
    {
        var settings = StorageSettings.FromConfiguration(Configuration((StorageSettings.PostgresConnectionStringKey, " ")), ContentRoot);

        Assert.Equal(StorageBackend.Sqlite, settings.Backend);
    }

    [Fact]
    public void An_invalid_postgres_connection_string_is_refused_naming_the_key()
    {
        var failure = Assert.Throws<ArgumentException>(() => StorageSettings.Postgres("Hostt=nowhere"));

        Assert.Contains(StorageSettings.PostgresConnectionStringKey, failure.Message);
    }

    [Fact]
    public void Printing_settings_names_the_database_but_not_the_password()
    {
        var settings = StorageSettings.Postgres("Host=db.internal;Port=5433;Username=quorum;Password=secret-word;Database=quorum");

        Assert.Equal("PostgreSQL database quorum on db.internal:5433 as quorum", settings.ToString());
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(value => KeyValuePair.Create(value.Key, (string?)value.Value)))
            .Build();
}

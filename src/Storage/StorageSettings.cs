using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Quorum.Storage;

/// <summary>
/// Where grain state lives. <see cref="Invariant"/> is the ADO.NET invariant name Orleans expects:
/// "System.Data.SQLite" for SQLite (Orleans maps that name to Microsoft.Data.Sqlite when it is deployed;
/// the name "Microsoft.Data.Sqlite" is unknown to it and stops the silo) and "Npgsql" for PostgreSQL.
/// </summary>
public sealed record StorageSettings(StorageBackend Backend, string ConnectionString, string Invariant, string? DataDirectory)
{
    /// <summary>Configuration key whose presence selects PostgreSQL (env Quorum__PostgresConnectionString).</summary>
    public const string PostgresConnectionStringKey = "Quorum:PostgresConnectionString";

    /// <summary>Configuration key of the SQLite data folder (env Quorum__DataDirectory).</summary>
    public const string DataDirectoryKey = "Quorum:DataDirectory";

    /// <summary>The SQLite database file inside the data folder.</summary>
    public const string SqliteFileName = "quorum.db";

    /// <summary>
    /// Connections per process to PostgreSQL unless the connection string says otherwise. Orleans opens one
    /// per storage call in flight, and Npgsql's own default (100) let a single silo with 100 grains writing
    /// at once exhaust PostgreSQL's default max_connections (100) and fail writes (measured); 20 connections
    /// gave the same throughput on this hardware.
    /// </summary>
    public const int DefaultPostgresPoolSize = 20;

    private const string MaximumPoolSizeKeyword = "Maximum Pool Size";

    internal const string SqliteInvariant = "System.Data.SQLite";
    internal const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// PostgreSQL when <see cref="PostgresConnectionStringKey"/> is set; otherwise SQLite in
    /// <see cref="DataDirectoryKey"/>, by default the folder "data" under <paramref name="contentRoot"/>.
    /// A relative data folder is taken relative to <paramref name="contentRoot"/>, not to the working directory.
    /// </summary>
    public static StorageSettings FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);

        var postgres = configuration[PostgresConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return Postgres(postgres);
        }

        var dataDirectory = configuration[DataDirectoryKey];
        return Sqlite(string.IsNullOrWhiteSpace(dataDirectory)
            ? Path.Combine(contentRoot, "data")
            : Path.GetFullPath(dataDirectory, Path.GetFullPath(contentRoot)));
    }

    /// <summary>SQLite in file <see cref="SqliteFileName"/> of <paramref name="dataDirectory"/> (created on first use).</summary>
    public static StorageSettings Sqlite(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var directory = Path.GetFullPath(dataDirectory);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, SqliteFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        return new StorageSettings(StorageBackend.Sqlite, connectionString, SqliteInvariant, directory);
    }

    /// <summary>
    /// PostgreSQL at <paramref name="connectionString"/> (an Npgsql connection string). Unless it sets
    /// "Maximum Pool Size", that is set to <see cref="DefaultPostgresPoolSize"/>.
    /// </summary>
    public static StorageSettings Postgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            // Parse now so that a typo fails at start-up with the key named, not at the first grain write.
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException(
                $"The PostgreSQL connection string (configuration key {PostgresConnectionStringKey}) is not valid: {exception.Message}",
                nameof(connectionString),
                exception);
        }

        // Npgsql's ToString lists only the keywords that were given, under their canonical names.
        var given = new DbConnectionStringBuilder { ConnectionString = builder.ToString() };
        if (!given.ContainsKey(MaximumPoolSizeKeyword))
        {
            builder.MaxPoolSize = DefaultPostgresPoolSize;
            connectionString = builder.ToString();
        }

        return new StorageSettings(StorageBackend.Postgres, connectionString, PostgresInvariant, DataDirectory: null);
    }

    /// <summary>Names the database without its password, so settings can be logged.</summary>
    public override string ToString() => Backend switch
    {
        StorageBackend.Sqlite => $"SQLite at {Path.Combine(DataDirectory ?? "?", SqliteFileName)}",
        StorageBackend.Postgres => DescribePostgres(ConnectionString),
        _ => Backend.ToString(),
    };

    private static string DescribePostgres(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL database {builder.Database ?? "(default)"} on {builder.Host}:{builder.Port} as {builder.Username}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (unparsable connection string)";
        }
    }
}

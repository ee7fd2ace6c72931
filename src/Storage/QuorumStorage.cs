using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using Quorum.Domain.Consensus;
using Quorum.Domain.Editing;
using Quorum.Storage.Consensus;
using Quorum.Storage.Editing;
using Quorum.Storage.Schema;
using Quorum.Storage.Sqlite;

namespace Quorum.Storage;

/// <summary>Wires Quorum's grain storage (Orleans ADO.NET grain storage on Quorum's own schema) into a host.</summary>
public static class QuorumStorage
{
    /// <summary>The storage provider's name: <c>[PersistentState("x", QuorumStorage.ProviderName)]</c>.</summary>
    public const string ProviderName = "quorum";

    /// <summary>The ADO.NET provider underneath; internal, grains never name it.</summary>
    internal const string AdoNetProviderName = "quorum-adonet";

    /// <summary>
    /// Registers grain storage named <see cref="ProviderName"/> (also as the default provider): Orleans' ADO.NET
    /// grain storage behind <see cref="QuorumGrainStorage"/>. Also registers a silo lifecycle step that applies the schema before the provider or any grain reads or writes
    /// (asynchronously, during the silo's start; this call itself does no I/O), <see cref="IDatabaseProbe"/>, and the
    /// edit and rating journals (<see cref="IEditJournal"/>, <see cref="IRatingJournal"/>) on the same database.
    /// State is serialised by Orleans' default grain storage serializer (JSON) into the binary payload column.
    /// A state is identified by grain type, grain key and state name, so grains of different types may share
    /// keys and state names.
    /// </summary>
    public static ISiloBuilder AddQuorumStorage(this ISiloBuilder silo, StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        var services = silo.Services;

        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider =>
            new SchemaStartup(settings, provider.GetRequiredService<ILogger<SchemaStartup>>()));

        if (settings.Backend == StorageBackend.Sqlite)
        {
            // A factory registration, so that the container disposes it (and closes the file) with the silo.
            services.AddSingleton(_ => new SingleWriterSqliteDataSource(settings.ConnectionString));
        }

        silo.AddAdoNetGrainStorage(AdoNetProviderName, options => options.Configure<IServiceProvider>((adoNet, provider) =>
        {
            adoNet.Invariant = settings.Invariant;
            if (settings.Backend == StorageBackend.Sqlite)
            {
                adoNet.DataSource = provider.GetRequiredService<SingleWriterSqliteDataSource>();
            }
            else
            {
                adoNet.ConnectionString = settings.ConnectionString;
            }
        }));

        // Grains reach the ADO.NET provider only through the identity fix of QuorumGrainStorage.
        services.AddKeyedSingleton<IGrainStorage>(
            ProviderName,
            (provider, _) => new QuorumGrainStorage(provider.GetRequiredKeyedService<IGrainStorage>(AdoNetProviderName)));

        // The default provider is the same instance, not a second registration: a second one would be
        // initialised twice and queue SQLite writers separately.
        services.AddKeyedSingleton<IGrainStorage>(
            ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
            (provider, _) => provider.GetRequiredKeyedService<IGrainStorage>(ProviderName));
        services.TryAddSingleton(provider => provider.GetRequiredKeyedService<IGrainStorage>(ProviderName));

        services.AddQuorumDatabaseProbe(settings);
        services.AddJournals(settings);
        return silo;
    }

    /// <summary>
    /// The edit and rating journals (each group-committed, append-only) on the same database as grain state. The
    /// container disposes each journal, which commits what is queued, before the connections it writes through.
    /// </summary>
    private static void AddJournals(this IServiceCollection services, StorageSettings settings)
    {
        if (settings.Backend == StorageBackend.Sqlite)
        {
            services.AddSingleton<EditStore>(provider => new SqliteEditStore(
                provider.GetRequiredService<SingleWriterSqliteDataSource>(), settings.ConnectionString));
            services.AddSingleton<RatingStore>(provider => new SqliteRatingStore(
                provider.GetRequiredService<SingleWriterSqliteDataSource>(), settings.ConnectionString));
        }
        else
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(settings.ConnectionString));
            services.AddSingleton<EditStore>(provider => new PostgresEditStore(provider.GetRequiredService<NpgsqlDataSource>()));
            services.AddSingleton<RatingStore>(provider => new PostgresRatingStore(provider.GetRequiredService<NpgsqlDataSource>()));
        }

        services.AddSingleton<EditJournal>();
        services.AddSingleton<IEditJournal>(provider => provider.GetRequiredService<EditJournal>());
        services.AddSingleton<RatingJournal>();
        services.AddSingleton<IRatingJournal>(provider => provider.GetRequiredService<RatingJournal>());
    }

    /// <summary>Registers only <see cref="IDatabaseProbe"/>, for a web node without a silo.</summary>
    public static IServiceCollection AddQuorumDatabaseProbe(this IServiceCollection services, StorageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton<IDatabaseProbe>(provider =>
            new DatabaseProbe(settings, provider.GetRequiredService<ILogger<DatabaseProbe>>()));
        return services;
    }

    /// <summary>
    /// Applies the schema and the provider's queries. Idempotent, and safe to run from two processes at
    /// once: one waits for the other and then finds nothing to do. Creates the SQLite data folder if needed.
    /// Throws <see cref="InvalidOperationException"/> naming the database and the failing step.
    /// </summary>
    public static Task ApplySchemaAsync(StorageSettings settings, CancellationToken cancellationToken = default) =>
        SchemaMigrator.ApplyAsync(settings, cancellationToken);
}

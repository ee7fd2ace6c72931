using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Quorum.Storage.Schema;

/// <summary>
/// Applies the schema as the silo starts, before anything in it touches the database: the grain storage
/// provider reads its queries at stage ApplicationServices, and grains activate only after that. Running
/// in the lifecycle keeps the host builder non-blocking; a failure stops the silo's start with the reason.
/// </summary>
internal sealed partial class SchemaStartup(StorageSettings settings, ILogger<SchemaStartup> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Just before RuntimeInitialize, so that tables for ADO.NET clustering, when added, exist before membership starts.</summary>
    internal const int Stage = ServiceLifecycleStage.RuntimeInitialize - 1;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaStartup), Stage, ApplyAsync);

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var report = await SchemaMigrator.ApplyAsync(settings, cancellationToken).ConfigureAwait(false);
        LogApplied(settings, report.Version, report.AppliedScripts.Count == 0 ? "none" : string.Join(", ", report.AppliedScripts), report.ProviderQueries);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Storage schema ready on {Database}: version {Version}, scripts run now: {Scripts}, provider queries refreshed: {Queries}.")]
    private partial void LogApplied(StorageSettings database, int version, string scripts, int queries);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Quorum.Storage.Tests.Hosting;

/// <summary>
/// A real silo in a plain host, on loopback ports of its own, with Quorum's storage on the given database.
/// Disposing it stops the silo, which deactivates every grain (writing nothing further).
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost host;
    private readonly ErrorLog errors;

    private TestSilo(IHost host, ErrorLog errors)
    {
        this.host = host;
        this.errors = errors;
    }

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The provider as the silo resolved it: the same instance grains write through.</summary>
    public IGrainStorage Storage => host.Services.GetRequiredKeyedService<IGrainStorage>(QuorumStorage.ProviderName);

    public IServiceProvider Services => host.Services;

    /// <summary>Every Error (or worse) logged by the silo so far.</summary>
    public IReadOnlyList<string> Errors => errors.Entries;

    public static async Task<TestSilo> StartAsync(StorageSettings settings)
    {
        var errors = new ErrorLog();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(errors);
        var (siloPort, gatewayPort) = FreePorts.ForSilo();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort)
            .AddQuorumStorage(settings));
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TestSilo(host, errors);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync();
        }
        finally
        {
            host.Dispose();
        }
    }
}

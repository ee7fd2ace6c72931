using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Quorum.Contracts.Experts;

namespace Quorum.Web.Hosting;

/// <summary>
/// Once the server listens, prints where Quorum is and, until the first facilitator has signed in,
/// a fresh one-time sign-in link for them (each start revokes the previous one).
/// </summary>
public sealed class FirstFacilitatorLink(
    IHostApplicationLifetime lifetime,
    IServer server,
    IGrainFactory grains,
    ILogger<FirstFacilitatorLink> logger) : IHostedService
{
    /// <summary>The address printed, for tests and tools that start the server on port 0.</summary>
    public string? Address { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AnnounceAsync()
    {
        try
        {
            Address = BrowsableAddress(server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault());
            var link = await grains.GetGrain<IPlatformGrain>(0).EnsureFirstFacilitator("First facilitator");
            Console.WriteLine();
            Console.WriteLine($"Quorum is running at {Address}");
            if (link is not null)
            {
                Console.WriteLine($"Sign in as the first facilitator (one-time link): {Address}/join#{link.Token}");
            }

            Console.WriteLine();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not prepare the first facilitator's sign-in link");
        }
    }

    private static string? BrowsableAddress(string? address) => address?
        .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
        .Replace("://[::]", "://localhost", StringComparison.Ordinal)
        .Replace("://+", "://localhost", StringComparison.Ordinal)
        .Replace("://*", "://localhost", StringComparison.Ordinal);
}

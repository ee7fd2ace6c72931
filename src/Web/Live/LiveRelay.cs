using Microsoft.AspNetCore.SignalR;
using Quorum.Contracts.Live;
using Quorum.Contracts.Panels;
using Quorum.Web.Hubs;

namespace Quorum.Web.Live;

/// <summary>
/// This web node's one observer of the live feed: it forwards each change to its SignalR group.
/// Observers expire, so the subscription is renewed on a timer well inside the feed's expiry.
/// </summary>
public sealed class LiveRelay(
    IGrainFactory grains,
    IHubContext<PanelHub> hub,
    ConnectionRegistry connections,
    ILogger<LiveRelay> logger) : BackgroundService, ILiveObserver
{
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    private ILiveObserver? reference;

    public Task Deliver(LiveEvent change)
    {
        if (change.Payload is MemberView { Removed: true } or MemberView { LinkActive: false })
        {
            connections.Disconnect(((MemberView)change.Payload).PersonId);
        }

        return hub.Clients.Group(change.Group).SendAsync(change.Method, change.Payload);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        reference = grains.CreateObjectReference<ILiveObserver>(this);
        var feed = grains.GetGrain<ILiveFeedGrain>(0);
        using var timer = new PeriodicTimer(RenewEvery);
        do
        {
            try
            {
                await feed.Subscribe(reference);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not renew the live feed subscription; retrying in {Period}", RenewEvery);
            }
        }
        while (await WaitNext(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (reference is not null)
        {
            try
            {
                await grains.GetGrain<ILiveFeedGrain>(0).Unsubscribe(reference);
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Unsubscribing from the live feed failed during shutdown");
            }

            grains.DeleteObjectReference<ILiveObserver>(reference);
        }

        await base.StopAsync(cancellationToken);
    }

    private static async Task<bool> WaitNext(PeriodicTimer timer, CancellationToken token)
    {
        try
        {
            return await timer.WaitForNextTickAsync(token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

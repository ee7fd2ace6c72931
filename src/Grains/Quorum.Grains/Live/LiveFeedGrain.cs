using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Quorum.Contracts.Live;

namespace Quorum.Grains.Live;

/// <summary>
/// Fans changes out to every web node's observer. Observers are not persisted: a web node renews its
/// subscription on a timer, well inside <see cref="Expiry"/>, so a silo restart heals within one period.
/// Reentrant because publishing only queues one-way deliveries and never awaits them.
/// </summary>
[GrainType("quorum.live-feed")]
[Reentrant]
public sealed class LiveFeedGrain(TimeProvider clock, ILogger<LiveFeedGrain> logger) : Grain, ILiveFeedGrain
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(3);

    private readonly Dictionary<ILiveObserver, DateTimeOffset> observers = [];

    public Task Subscribe(ILiveObserver observer)
    {
        observers[observer] = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task Unsubscribe(ILiveObserver observer)
    {
        observers.Remove(observer);
        return Task.CompletedTask;
    }

    public Task Publish(LiveEvent change)
    {
        var now = clock.GetUtcNow();
        List<ILiveObserver>? expired = null;
        foreach (var (observer, renewed) in observers)
        {
            if (now - renewed > Expiry)
            {
                (expired ??= []).Add(observer);
                continue;
            }

            try
            {
                observer.Deliver(change).Ignore();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Delivering {Method} to a web node failed", change.Method);
            }
        }

        expired?.ForEach(o => observers.Remove(o));
        return Task.CompletedTask;
    }
}

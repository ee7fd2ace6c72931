using Quorum.Contracts.Common;
using Quorum.Contracts.Live;

namespace Quorum.Grains.Live;

/// <summary>How a grain publishes a change for browsers.</summary>
internal static class LiveFeed
{
    public static void Publish(IGrainFactory grains, string group, string method, object payload) =>
        grains.Reference<ILiveFeedGrain>(0).Publish(new LiveEvent(group, method, payload)).Ignore();
}

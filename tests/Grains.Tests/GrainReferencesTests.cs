using Quorum.Contracts.Common;
using Quorum.Contracts.Live;
using Quorum.Contracts.Panels;

namespace Quorum.Grains.Tests;

/// <summary>A reference built from the cached ids is the reference <c>GetGrain</c> gives: same grain, same interface, and it calls through.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_guid_keyed_reference_is_the_one_GetGrain_gives_and_reaches_the_grain()
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();

        var cached = (GrainReference)(object)Grains.Reference<IPanelGrain>(panelId);
        var usual = (GrainReference)(object)Grains.GetGrain<IPanelGrain>(panelId);

        Assert.Equal(usual.GrainId, cached.GrainId);
        Assert.Equal(usual.InterfaceType, cached.InterfaceType);
        Assert.Equal(PanelRole.Facilitator, (await Grains.Reference<IPanelGrain>(panelId).GetAccess(facilitator))?.Role);
    }

    [Fact]
    public void An_integer_keyed_reference_is_the_one_GetGrain_gives()
    {
        var cached = (GrainReference)(object)Grains.Reference<ILiveFeedGrain>(7);
        var usual = (GrainReference)(object)Grains.GetGrain<ILiveFeedGrain>(7);

        Assert.Equal(usual.GrainId, cached.GrainId);
        Assert.Equal(usual.InterfaceType, cached.InterfaceType);
    }
}

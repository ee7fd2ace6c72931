using Quorum.Contracts.Common;
using Quorum.Contracts.Experts;

namespace Quorum.Grains.Experts;

/// <summary>Bootstraps the first facilitator with a one-time link until they have signed in.</summary>
[GrainType("quorum.platform")]
public sealed class PlatformGrain(
    [PersistentState("platform", StorageNames.Grains)] IPersistentState<PlatformState> state) : Grain, IPlatformGrain
{
    public async Task<BootstrapLink?> EnsureFirstFacilitator(string name)
    {
        if (state.State.FirstFacilitatorSignedIn)
        {
            return null;
        }

        if (state.State.FirstFacilitatorId == Guid.Empty)
        {
            state.State.FirstFacilitatorId = Guid.NewGuid();
        }

        var person = GrainFactory.GetGrain<IExpertGrain>(state.State.FirstFacilitatorId);
        if (await person.GetProfile() is null)
        {
            await person.SetProfile(name, null, canCreatePanels: true);
        }

        if (state.State.BootstrapInviteHash is { } previous)
        {
            await GrainFactory.GetGrain<IInviteGrain>(previous).Revoke();
        }

        var (token, hash) = InviteTokens.New();
        await GrainFactory.GetGrain<IInviteGrain>(hash).Issue(state.State.FirstFacilitatorId, panelId: null, oneTime: true);
        state.State.BootstrapInviteHash = hash;
        await state.SaveAsync(DeactivateOnIdle);
        return new BootstrapLink(state.State.FirstFacilitatorId, token);
    }

    public async Task SignedIn(Guid personId)
    {
        if (personId != state.State.FirstFacilitatorId || state.State.FirstFacilitatorSignedIn)
        {
            return;
        }

        state.State.FirstFacilitatorSignedIn = true;
        state.State.BootstrapInviteHash = null;
        await state.SaveAsync(DeactivateOnIdle);
    }
}

[GenerateSerializer]
public sealed class PlatformState
{
    [Id(0)] public Guid FirstFacilitatorId { get; set; }
    [Id(1)] public bool FirstFacilitatorSignedIn { get; set; }
    [Id(2)] public string? BootstrapInviteHash { get; set; }
}

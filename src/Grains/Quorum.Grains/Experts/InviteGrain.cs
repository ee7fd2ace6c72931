using Quorum.Contracts.Common;
using Quorum.Contracts.Experts;

namespace Quorum.Grains.Experts;

/// <summary>A sign-in link, keyed by its token's hash. The revoked and spent flags are persisted, not kept in memory.</summary>
[GrainType("quorum.invite")]
public sealed class InviteGrain(
    [PersistentState("invite", StorageNames.Grains)] IPersistentState<InviteState> state,
    TimeProvider clock) : Grain, IInviteGrain
{
    public async Task Issue(Guid personId, Guid? panelId, bool oneTime)
    {
        state.State.PersonId = personId;
        state.State.PanelId = panelId;
        state.State.OneTime = oneTime;
        state.State.Revoked = false;
        state.State.Spent = false;
        state.State.IssuedAt = clock.GetUtcNow();
        await state.SaveAsync(DeactivateOnIdle);
    }

    public async Task Revoke()
    {
        if (!state.RecordExists || state.State.Revoked)
        {
            return;
        }

        state.State.Revoked = true;
        await state.SaveAsync(DeactivateOnIdle);
    }

    public async Task<Guid?> Redeem()
    {
        if (!state.RecordExists || state.State.Revoked || state.State.Spent)
        {
            return null;
        }

        if (state.State.OneTime)
        {
            // Spent before the session is handed out, so a replay of the same link fails even after a crash.
            state.State.Spent = true;
            await state.SaveAsync(DeactivateOnIdle);
        }

        return state.State.PersonId;
    }
}

[GenerateSerializer]
public sealed class InviteState
{
    [Id(0)] public Guid PersonId { get; set; }
    [Id(1)] public Guid? PanelId { get; set; }
    [Id(2)] public bool OneTime { get; set; }
    [Id(3)] public bool Revoked { get; set; }
    [Id(4)] public bool Spent { get; set; }
    [Id(5)] public DateTimeOffset IssuedAt { get; set; }
}

using Quorum.Contracts.Common;
using Quorum.Contracts.Experts;

namespace Quorum.Grains.Experts;

[GrainType("quorum.expert")]
public sealed class ExpertGrain(
    [PersistentState("expert", StorageNames.Grains)] IPersistentState<ExpertState> state) : Grain, IExpertGrain
{
    public Task<ExpertProfile?> GetProfile() =>
        Task.FromResult(state.RecordExists ? View() : null);

    public async Task<ExpertProfile> SetProfile(string name, string? email, bool canCreatePanels)
    {
        state.State.Name = name;
        state.State.Email = email;
        state.State.CanCreatePanels = canCreatePanels;
        if (string.IsNullOrEmpty(state.State.SessionStamp))
        {
            state.State.SessionStamp = NewStamp();
        }

        await state.SaveAsync(DeactivateOnIdle);
        return View();
    }

    public async Task AddMembership(Guid panelId, string panelName, PanelRole role)
    {
        state.State.Memberships[panelId] = new Membership(panelId, panelName, role);
        await state.SaveAsync(DeactivateOnIdle);
    }

    public async Task RemoveMembership(Guid panelId)
    {
        if (state.State.Memberships.Remove(panelId))
        {
            await state.SaveAsync(DeactivateOnIdle);
        }
    }

    public async Task<string> RotateSessionStamp()
    {
        state.State.SessionStamp = NewStamp();
        await state.SaveAsync(DeactivateOnIdle);
        return state.State.SessionStamp;
    }

    private ExpertProfile View() => new(
        this.GetPrimaryKey(),
        state.State.Name,
        state.State.Email,
        state.State.CanCreatePanels,
        state.State.SessionStamp,
        [.. state.State.Memberships.Values]);

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}

[GenerateSerializer]
public sealed class ExpertState
{
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public string? Email { get; set; }
    [Id(2)] public bool CanCreatePanels { get; set; }
    [Id(3)] public string SessionStamp { get; set; } = string.Empty;
    [Id(4)] public Dictionary<Guid, Membership> Memberships { get; set; } = [];
}

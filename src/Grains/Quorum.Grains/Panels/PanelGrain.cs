using Quorum.Contracts.Common;
using Quorum.Contracts.Experts;
using Quorum.Contracts.Items;
using Quorum.Contracts.Live;
using Quorum.Contracts.Panels;
using Quorum.Domain;
using Quorum.Domain.Frameworks;
using Quorum.Domain.Items;
using Quorum.Grains.Live;

namespace Quorum.Grains.Panels;

/// <summary>
/// A panel's settings, members and item index. Item summaries are cached in memory only: items report
/// every change one-way, and on activation the cache is rebuilt by asking the items, so a rating never
/// writes the panel's state.
/// </summary>
[GrainType("quorum.panel")]
public sealed class PanelGrain(
    [PersistentState("panel", StorageNames.Grains)] IPersistentState<PanelState> state,
    TimeProvider clock) : Grain, IPanelGrain
{
    public const string FacilitatorGroup = "Facilitator";

    private readonly Dictionary<Guid, ItemSummary> summaries = [];
    private bool summariesLoaded;

    private Guid PanelId => this.GetPrimaryKey();

    public async Task<Outcome<PanelView>> Create(Guid caller, string name, Framework framework)
    {
        if (state.RecordExists)
        {
            return new Problem(ProblemCodes.Conflict, "This panel already exists.");
        }

        var profile = await GrainFactory.GetGrain<IExpertGrain>(caller).GetProfile();
        if (profile is not { CanCreatePanels: true })
        {
            return Problem.Forbidden("Only a facilitator who may create panels can do this.");
        }

        var problem = Text.Check("name", name, Limits.PanelNameLength, required: true, "The panel name") ?? framework.Validate();
        if (problem is not null)
        {
            return Problem.Invalid(problem);
        }

        state.State.Name = name.Trim();
        state.State.Framework = framework;
        state.State.Groups = [.. PanelGroups.Defaults];
        state.State.CreatedAt = clock.GetUtcNow();
        state.State.Members[caller] = new MemberRecord { Name = profile.Name, Group = FacilitatorGroup, Role = PanelRole.Facilitator };
        await state.SaveAsync(DeactivateOnIdle);
        await GrainFactory.GetGrain<IExpertGrain>(caller).AddMembership(PanelId, state.State.Name, PanelRole.Facilitator);
        summariesLoaded = true;
        return Outcome.Of(View(caller));
    }

    public Task<Outcome<PanelView>> GetView(Guid caller) =>
        Task.FromResult(Authorize(caller, facilitator: false) is { } problem
            ? Outcome<PanelView>.Failure(problem)
            : Outcome.Of(View(caller)));

    public Task<PanelAccess?> GetAccess(Guid personId) =>
        Task.FromResult(state.RecordExists && state.State.Members.TryGetValue(personId, out var m) && !m.Removed
            ? new PanelAccess(PanelId, personId, m.Role, m.Name, m.Group)
            : null);

    public Task<bool> HasStatement(string statementId) =>
        Task.FromResult(state.State.Framework?.Statement(statementId) is not null);

    public async Task<Outcome<InviteIssued>> Invite(Guid caller, InviteRequest request)
    {
        if (Authorize(caller, facilitator: true) is { } denied)
        {
            return denied;
        }

        if (ValidateInvite(request) is { } problem)
        {
            return Problem.Invalid(problem);
        }

        if (state.State.Members.Count >= Limits.MembersPerPanel)
        {
            return Problem.Invalid("name", $"A panel can have at most {Limits.MembersPerPanel} members.");
        }

        var personId = Guid.NewGuid();
        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        var group = request.Role == PanelRole.Facilitator ? FacilitatorGroup : request.Group;
        var member = new MemberRecord { Name = request.Name.Trim(), Group = group, Email = email, Role = request.Role };
        await GrainFactory.GetGrain<IExpertGrain>(personId).SetProfile(member.Name, email, canCreatePanels: false);
        await GrainFactory.GetGrain<IExpertGrain>(personId).AddMembership(PanelId, state.State.Name, request.Role);
        var token = await IssueLink(personId, member);
        state.State.Members[personId] = member;
        await state.SaveAsync(DeactivateOnIdle);
        return Outcome.Of(new InviteIssued(Announce(personId, member), token));
    }

    public async Task<Outcome<InviteIssued>> ReissueInvite(Guid caller, Guid personId)
    {
        var (problem, member) = FindMember(caller, personId);
        if (member is null)
        {
            return problem;
        }

        if (member.InviteHash is { } old)
        {
            await GrainFactory.GetGrain<IInviteGrain>(old).Revoke();
        }

        var token = await IssueLink(personId, member);
        await state.SaveAsync(DeactivateOnIdle);
        return Outcome.Of(new InviteIssued(Announce(personId, member), token));
    }

    public async Task<Outcome<MemberView>> RevokeInvite(Guid caller, Guid personId)
    {
        var (problem, member) = FindMember(caller, personId);
        if (member is null)
        {
            return problem;
        }

        await RevokeLink(personId, member);
        await state.SaveAsync(DeactivateOnIdle);
        return Outcome.Of(Announce(personId, member));
    }

    public async Task<Outcome<MemberView>> RemoveMember(Guid caller, Guid personId)
    {
        var (problem, member) = FindMember(caller, personId);
        if (member is null)
        {
            return problem;
        }

        if (member.Role == PanelRole.Facilitator &&
            state.State.Members.Values.Count(m => m.Role == PanelRole.Facilitator && !m.Removed) == 1)
        {
            return new Problem(ProblemCodes.Conflict, "A panel keeps at least one facilitator.");
        }

        member.Removed = true;
        await RevokeLink(personId, member);
        await state.SaveAsync(DeactivateOnIdle);
        await GrainFactory.GetGrain<IExpertGrain>(personId).RemoveMembership(PanelId);
        return Outcome.Of(Announce(personId, member));
    }

    public async Task<Outcome<PanelView>> AddGroup(Guid caller, string group)
    {
        if (Authorize(caller, facilitator: true) is { } denied)
        {
            return denied;
        }

        if (Text.Check("name", group, Limits.GroupNameLength, required: true, "The group name") is { } problem)
        {
            return Problem.Invalid(problem);
        }

        group = group.Trim();
        if (state.State.Groups.Contains(group, StringComparer.OrdinalIgnoreCase))
        {
            return Problem.Invalid("name", $"The panel already has a group called '{group}'.");
        }

        if (state.State.Groups.Count >= Limits.GroupsPerPanel)
        {
            return Problem.Invalid("name", $"A panel can have at most {Limits.GroupsPerPanel} groups.");
        }

        state.State.Groups.Add(group);
        await state.SaveAsync(DeactivateOnIdle);
        return Outcome.Of(View(caller));
    }

    public async Task<Outcome<ItemView>> CreateItem(Guid caller, ItemDraft draft)
    {
        if (Authorize(caller, facilitator: false) is { } denied)
        {
            return denied;
        }

        var framework = state.State.Framework!;
        if (draft.Validate(id => framework.Statement(id) is not null) is { } problem)
        {
            return Problem.Invalid(problem);
        }

        if (draft.ScenarioId is { } scenarioId &&
            (!state.State.Items.TryGetValue(scenarioId, out var scenario) || scenario.Kind != ItemKind.Scenario))
        {
            return Problem.Invalid("scenarioId", "The linked scenario is not a scenario of this panel.");
        }

        var itemId = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var author = state.State.Members[caller];
        var view = await GrainFactory.GetGrain<IItemGrain>(itemId).Initialize(new ItemInit(PanelId, caller, author.Name, draft, now));
        state.State.Items[itemId] = new IndexEntry { Kind = draft.Kind, CreatedAt = now };
        await state.SaveAsync(DeactivateOnIdle);
        if (draft.ScenarioId is { } linkedTo)
        {
            await GrainFactory.GetGrain<IItemGrain>(linkedTo).LinkQuestion(itemId);
        }

        summaries[itemId] = view.Summary;
        LiveFeed.Publish(GrainFactory, LiveGroups.Panel(PanelId), LiveMethods.ItemCreated, view.Summary);
        return Outcome.Of(view);
    }

    public async Task<Outcome<BankView>> ListItems(Guid caller, string? statementId, ItemStatus? status)
    {
        if (Authorize(caller, facilitator: false) is { } denied)
        {
            return denied;
        }

        await LoadSummaries();
        var framework = state.State.Framework!;
        var items = summaries.Values
            .Where(s => statementId is null || s.StatementId == statementId)
            .Where(s => status is null || s.Status == status)
            .OrderBy(s => s.CreatedAt)
            .ToList();
        var counts = framework.Statements
            .Select(st => new StatementCount(
                st.Id,
                summaries.Values.Count(s => s.StatementId == st.Id),
                summaries.Values.Count(s => s.StatementId == st.Id && s.Ratings.MeetsCriticalValue)))
            .ToList();
        return Outcome.Of(new BankView(items, counts));
    }

    public Task ItemChanged(ItemSummary summary)
    {
        if (state.State.Items.ContainsKey(summary.ItemId))
        {
            summaries[summary.ItemId] = summary;
        }

        return Task.CompletedTask;
    }

    private async Task LoadSummaries()
    {
        if (summariesLoaded)
        {
            return;
        }

        var missing = state.State.Items.Keys.Where(id => !summaries.ContainsKey(id)).ToList();
        var loaded = await Task.WhenAll(missing.Select(id => GrainFactory.GetGrain<IItemGrain>(id).GetSummary()));
        foreach (var summary in loaded)
        {
            if (summary is not null)
            {
                summaries.TryAdd(summary.ItemId, summary);
            }
        }

        summariesLoaded = true;
    }

    private Problem? Authorize(Guid caller, bool facilitator)
    {
        if (!state.RecordExists || !state.State.Members.TryGetValue(caller, out var member) || member.Removed)
        {
            return Problem.Forbidden("You are not a member of this panel.");
        }

        return facilitator && member.Role != PanelRole.Facilitator
            ? Problem.Forbidden("Only the panel's facilitators can do this.")
            : null;
    }

    /// <summary>The member a facilitator acts on; when there is none, the problem to report instead.</summary>
    private (Problem Problem, MemberRecord? Member) FindMember(Guid caller, Guid personId)
    {
        if (Authorize(caller, facilitator: true) is { } denied)
        {
            return (denied, null);
        }

        var notFound = Problem.NotFound("That person is not a member of this panel.");
        return state.State.Members.TryGetValue(personId, out var member) && !member.Removed
            ? (notFound, member)
            : (notFound, null);
    }

    private InputProblem? ValidateInvite(InviteRequest request)
    {
        if (Text.Check("name", request.Name, Limits.PersonNameLength, required: true, "The name") is { } problem)
        {
            return problem;
        }

        if (request.Role == PanelRole.Expert && !state.State.Groups.Contains(request.Group))
        {
            return new InputProblem("group", "Choose one of the panel's groups (a facilitator can add groups).");
        }

        if (!Enum.IsDefined(request.Role))
        {
            return new InputProblem("role", "The role must be expert or facilitator.");
        }

        if (!string.IsNullOrWhiteSpace(request.Email) &&
            (request.Email.Length > Limits.EmailLength || !System.Net.Mail.MailAddress.TryCreate(request.Email.Trim(), out _)))
        {
            return new InputProblem("email", "The email address is not valid.");
        }

        return null;
    }

    private async Task<string> IssueLink(Guid personId, MemberRecord member)
    {
        var (token, hash) = InviteTokens.New();
        await GrainFactory.GetGrain<IInviteGrain>(hash).Issue(personId, PanelId, oneTime: false);
        member.InviteHash = hash;
        return token;
    }

    private async Task RevokeLink(Guid personId, MemberRecord member)
    {
        if (member.InviteHash is { } hash)
        {
            await GrainFactory.GetGrain<IInviteGrain>(hash).Revoke();
            member.InviteHash = null;
        }

        // Ends the person's open sessions as well as the link.
        await GrainFactory.GetGrain<IExpertGrain>(personId).RotateSessionStamp();
    }

    private MemberView Announce(Guid personId, MemberRecord member)
    {
        var view = MemberViewOf(personId, member);
        LiveFeed.Publish(GrainFactory, LiveGroups.Facilitators(PanelId), LiveMethods.MemberChanged, view);
        return view;
    }

    private static MemberView MemberViewOf(Guid personId, MemberRecord m) =>
        new(personId, m.Name, m.Group, m.Email, m.Role, m.InviteHash is not null, m.Removed);

    private PanelView View(Guid caller)
    {
        var me = state.State.Members[caller];
        IReadOnlyList<MemberView> members = me.Role == PanelRole.Facilitator
            ? [.. state.State.Members.Select(p => MemberViewOf(p.Key, p.Value))]
            : [];
        return new PanelView(PanelId, state.State.Name, state.State.Framework!, [.. state.State.Groups], me.Role, caller, members, state.State.Items.Count);
    }
}

using Microsoft.Extensions.Logging;
using Quorum.Contracts.Common;
using Quorum.Contracts.Experts;
using Quorum.Contracts.Items;
using Quorum.Contracts.Live;
using Quorum.Contracts.Panels;
using Quorum.Contracts.Rounds;
using Quorum.Domain.Consensus;
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
public sealed partial class PanelGrain(
    [PersistentState("panel", StorageNames.Grains)] IPersistentState<PanelState> state,
    [PersistentState("activity", StorageNames.Grains)] IPersistentState<PanelActivity> activity,
    TimeProvider clock,
    ILogger<PanelGrain> logger) : Grain, IPanelGrain
{
    public const string FacilitatorGroup = "Facilitator";

    /// <summary>How often changed activity counts are saved and pushed to the facilitators.</summary>
    private static readonly TimeSpan ActivityEvery = TimeSpan.FromSeconds(2);

    private const int MaxRoundNameLength = 100;
    private const int MaxCoverageTarget = 10_000;

    private readonly Dictionary<Guid, ItemSummary> summaries = [];
    private bool summariesLoaded;
    private bool activityChanged;
    private IGrainTimer? activityTimer;

    private Guid PanelId => this.GetPrimaryKey();

    private ReviewSettings Review => state.State.Review ?? ReviewSettings.Defaults;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (activityChanged)
        {
            await SaveActivity();
        }
    }

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
            ? new PanelAccess(PanelId, personId, m.Role, DisplayName(m), m.Group)
            : null);

    /// <summary>The name others see: an expert's pseudonym in a pseudonymous panel, the name otherwise.</summary>
    private string DisplayName(MemberRecord member) =>
        Review.Pseudonymous && member.Role == PanelRole.Expert && member.Pseudonym is { } pseudonym ? pseudonym : member.Name;

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
        GivePseudonym(member);
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

        if (state.State.Items.Count >= Limits.ItemsPerPanel)
        {
            return Problem.Invalid("draft", $"A panel's bank holds at most {Limits.ItemsPerPanel} items.");
        }

        var itemId = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var author = state.State.Members[caller];
        var view = await GrainFactory.GetGrain<IItemGrain>(itemId).Initialize(new ItemInit(PanelId, caller, DisplayName(author), draft, now));
        state.State.Items[itemId] = new IndexEntry { Kind = draft.Kind, CreatedAt = now };
        await state.SaveAsync(DeactivateOnIdle);
        if (draft.ScenarioId is { } linkedTo)
        {
            await GrainFactory.GetGrain<IItemGrain>(linkedTo).LinkQuestion(itemId);
        }

        summaries[itemId] = view.Summary;
        Count(caller, a => a.Items++);
        LiveFeed.Publish(GrainFactory, LiveGroups.Panel(PanelId), LiveMethods.ItemCreated, view.Summary.ForExperts());
        return Outcome.Of(view);
    }

    public async Task<Outcome<IReadOnlyList<ItemSummary>>> ImportItems(Guid caller, IReadOnlyList<ItemDraft> drafts)
    {
        if (Authorize(caller, facilitator: false) is { } denied)
        {
            return denied;
        }

        if (drafts is null || drafts.Count == 0 || drafts.Count > Limits.ItemsPerImport)
        {
            return Problem.Invalid("drafts", $"An import holds 1 to {Limits.ItemsPerImport} items.");
        }

        var framework = state.State.Framework!;
        for (var i = 0; i < drafts.Count; i++)
        {
            var problem = drafts[i] is null
                ? new InputProblem("draft", "The item is missing.")
                : drafts[i].ScenarioId is not null
                    ? new InputProblem("scenarioId", "Imported questions cannot link to a scenario yet; import them unlinked.")
                    : drafts[i].Validate(id => framework.Statement(id) is not null);
            if (problem is not null)
            {
                return Problem.Invalid(problem.Field, $"Item {i + 1}: {problem.Message}");
            }
        }

        if (state.State.Items.Count + drafts.Count > Limits.ItemsPerPanel)
        {
            return Problem.Invalid("drafts", $"A panel's bank holds at most {Limits.ItemsPerPanel} items.");
        }

        var now = clock.GetUtcNow();
        var author = DisplayName(state.State.Members[caller]);
        var created = new List<ItemSummary>(drafts.Count);
        const int parallel = 64;
        for (var start = 0; start < drafts.Count; start += parallel)
        {
            var batch = drafts.Skip(start).Take(parallel).Select(d => (Id: Guid.NewGuid(), Draft: d)).ToList();
            var views = await Task.WhenAll(batch.Select(b =>
                GrainFactory.GetGrain<IItemGrain>(b.Id).Initialize(new ItemInit(PanelId, caller, author, b.Draft, now, DeferFields: true))));
            foreach (var (entry, view) in batch.Zip(views))
            {
                state.State.Items[entry.Id] = new IndexEntry { Kind = entry.Draft.Kind, CreatedAt = now };
                summaries[entry.Id] = view.Summary;
                created.Add(view.Summary);
            }
        }

        // One write of the index for the whole import (it is the expensive write of a big panel).
        await state.SaveAsync(DeactivateOnIdle);
        Count(caller, a => a.Items += drafts.Count);
        LiveFeed.Publish(GrainFactory, LiveGroups.Panel(PanelId), LiveMethods.ItemsImported, new ItemsImported(PanelId, created.Count));
        return Outcome.Of<IReadOnlyList<ItemSummary>>(created);
    }

    public async Task<Outcome<BankView>> ListItems(Guid caller, string? statementId, ItemStatus? status)
    {
        if (Authorize(caller, facilitator: false) is { } denied)
        {
            return denied;
        }

        await LoadSummaries();
        var framework = state.State.Framework!;
        var facilitator = state.State.Members[caller].Role == PanelRole.Facilitator;
        var items = summaries.Values
            .Where(s => statementId is null || s.StatementId == statementId)
            .Where(s => status is null || s.Status == status)
            .OrderBy(s => s.CreatedAt)
            .Select(s => facilitator ? s : s.ForExperts())
            .ToList();
        var counts = framework.Statements
            .Select(st => new StatementCount(
                st.Id,
                summaries.Values.Count(s => s.StatementId == st.Id),
                summaries.Values.Count(s => s.StatementId == st.Id && s.LastRound is { MeetsCriticalValue: true })))
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

    public Task ItemRated(ItemSummary summary, Guid raterId, bool first)
    {
        ItemChanged(summary);
        Count(raterId, a =>
        {
            if (first)
            {
                a.Ratings++;
            }
        });
        return Task.CompletedTask;
    }

    public Task Contributed(Guid personId, bool isChallenge)
    {
        Count(personId, a =>
        {
            if (isChallenge)
            {
                a.Challenges++;
            }
            else
            {
                a.Comments++;
            }
        });
        return Task.CompletedTask;
    }

    public async Task<Outcome<PanelView>> SetReview(Guid caller, ReviewSettings settings)
    {
        if (Authorize(caller, facilitator: true) is { } denied)
        {
            return denied;
        }

        if (settings is null)
        {
            return Problem.Invalid("settings", "The review settings are missing.");
        }

        if (settings.Validate() is { } problem)
        {
            return Problem.Invalid(problem);
        }

        if (settings.Pseudonymous != Review.Pseudonymous && (state.State.Items.Count > 0 || state.State.Rounds.Count > 0))
        {
            return Problem.Invalid("pseudonymous", "Pseudonymity is settled before the first item is written: the panel was told what is revealed, and names already shown cannot be taken back.");
        }

        state.State.Review = settings with { Instruments = settings.Instruments.Order().ToArray() };
        foreach (var member in state.State.Members.Values)
        {
            GivePseudonym(member);
        }

        await state.SaveAsync(DeactivateOnIdle);
        LiveFeed.Publish(GrainFactory, LiveGroups.Panel(PanelId), LiveMethods.ReviewChanged, new ReviewChange(Review, Review.Disclosure()));
        return Outcome.Of(View(caller));
    }

    public async Task<Outcome<DashboardView>> SetCoverageTarget(Guid caller, string statementId, int target)
    {
        if (Authorize(caller, facilitator: true) is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrEmpty(statementId) || state.State.Framework?.Statement(statementId) is null)
        {
            return Problem.Invalid("statementId", "Choose a statement of the panel's framework.");
        }

        if (target is < 0 or > MaxCoverageTarget)
        {
            return Problem.Invalid("target", $"A target is a whole number of items from 0 to {MaxCoverageTarget} (0 clears it).");
        }

        if (target == 0)
        {
            state.State.CoverageTargets.Remove(statementId);
        }
        else
        {
            state.State.CoverageTargets[statementId] = target;
        }

        await state.SaveAsync(DeactivateOnIdle);
        return Outcome.Of(await Dashboard());
    }

    public async Task<Outcome<RoundView>> OpenRound(Guid caller, RoundRequest request)
    {
        if (Authorize(caller, facilitator: true) is { } denied)
        {
            return denied;
        }

        if (request is null)
        {
            return Problem.Invalid("request", "Say which items the round covers.");
        }

        if (request.Name is not null && Text.Check("name", request.Name, MaxRoundNameLength, required: false, "The round name") is { } nameProblem)
        {
            return Problem.Invalid(nameProblem);
        }

        await LoadSummaries();
        List<Guid> itemIds;
        if (request.ItemIds is { Count: > 0 } picked)
        {
            if (request.StatementId is not null || request.Status is not null)
            {
                return Problem.Invalid("itemIds", "Pick items by hand, or by statement and status, not both.");
            }

            if (picked.Count > Limits.ItemsPerRound)
            {
                return Problem.Invalid("itemIds", $"A round can cover at most {Limits.ItemsPerRound} items.");
            }

            // Every id must be this panel's: the round grain trusts the list, and an item accepts any round.
            if (picked.Where(id => !state.State.Items.ContainsKey(id)).Select(id => (Guid?)id).FirstOrDefault() is { } unknown)
            {
                return Problem.Invalid("itemIds", $"Item {unknown} is not in this panel's bank.");
            }

            itemIds = [.. picked.Distinct()];
        }
        else
        {
            if (request.StatementId is null && request.Status is null)
            {
                return Problem.Invalid("itemIds", "Pick the items, or choose a statement or a status.");
            }

            if (request.StatementId is not null && state.State.Framework?.Statement(request.StatementId) is null)
            {
                return Problem.Invalid("statementId", "Choose a statement of the panel's framework.");
            }

            if (request.Status is { } wanted && !ItemLifecycle.CanEnterReview(wanted))
            {
                return Problem.Invalid("status", $"{ItemLifecycle.Describe(wanted)} items cannot enter review; choose draft, needs revision or agreed.");
            }

            itemIds = [.. summaries.Values
                .Where(s => request.StatementId is null || s.StatementId == request.StatementId)
                .Where(s => request.Status is { } status ? s.Status == status : s.Status is ItemStatus.Draft or ItemStatus.NeedsRevision)
                .OrderBy(s => s.CreatedAt)
                .Select(s => s.ItemId)];
            if (itemIds.Count > Limits.ItemsPerRound)
            {
                return Problem.Invalid("statementId", $"That choice covers {itemIds.Count} items; a round can cover at most {Limits.ItemsPerRound}.");
            }
        }

        if (itemIds.Count == 0)
        {
            return Problem.Invalid("itemIds", "No item matches that choice.");
        }

        var number = state.State.Rounds.Count + 1;
        var name = string.IsNullOrWhiteSpace(request.Name) ? $"Round {number}" : request.Name.Trim();
        // The round is listed before it takes any item into review, so that whatever happens while it opens, a
        // facilitator can still find it and close it (closing releases every item it took).
        var roundId = Guid.NewGuid();
        var now = clock.GetUtcNow();
        state.State.Rounds.Add(new RoundSummary(roundId, number, name, RoundStatus.Open, itemIds.Count, now, null));
        await state.SaveAsync(DeactivateOnIdle);
        var opened = await GrainFactory.GetGrain<IRoundGrain>(roundId)
            .Open(new RoundInit(PanelId, number, name, itemIds, Review, caller, now));
        var index = state.State.Rounds.FindIndex(r => r.RoundId == roundId);
        if (opened.Value is not { } round)
        {
            state.State.Rounds.RemoveAt(index);
            await state.SaveAsync(DeactivateOnIdle);
            return opened;
        }

        var summary = new RoundSummary(round.RoundId, round.Number, round.Name, round.Status, round.ItemIds.Count, round.OpenedAt, null);
        state.State.Rounds[index] = summary;
        await state.SaveAsync(DeactivateOnIdle);
        LiveFeed.Publish(GrainFactory, LiveGroups.Panel(PanelId), LiveMethods.RoundChanged, summary);
        return opened;
    }

    public Task<Outcome<IReadOnlyList<RoundSummary>>> ListRounds(Guid caller) =>
        Task.FromResult(Authorize(caller, facilitator: false) is { } denied
            ? Outcome<IReadOnlyList<RoundSummary>>.Failure(denied)
            : Outcome.Of<IReadOnlyList<RoundSummary>>([.. state.State.Rounds]));

    public async Task RoundChanged(RoundSummary round)
    {
        var index = state.State.Rounds.FindIndex(r => r.RoundId == round.RoundId);
        if (index < 0)
        {
            return;
        }

        state.State.Rounds[index] = round;
        await state.SaveAsync(DeactivateOnIdle);
    }

    public async Task<Outcome<DashboardView>> GetDashboard(Guid caller) =>
        Authorize(caller, facilitator: true) is { } denied ? denied : Outcome.Of(await Dashboard());

    private async Task<DashboardView> Dashboard()
    {
        await LoadSummaries();
        var now = clock.GetUtcNow();
        var all = summaries.Values.OrderBy(s => s.CreatedAt).ToList();
        var coverage = state.State.Framework!.Statements
            .Select(st => new CoverageLine(
                st.Id,
                all.Count(i => i.StatementId == st.Id && i.Status != ItemStatus.Withdrawn),
                all.Count(i => i.StatementId == st.Id && i.Status is ItemStatus.Agreed or ItemStatus.Final),
                state.State.CoverageTargets.TryGetValue(st.Id, out var target) ? target : null))
            .ToList();
        var reasons = all
            .Select(i => (item: i, reasons: Attention.Reasons(i.Live?.Current, i.Live?.Preview, i.OpenChallenges, Latest(i.UpdatedAt, i.Live?.LastRatedAt), now)))
            .ToList();
        var attention = reasons
            .Where(x => x.reasons.Count > 0)
            .Select(x => new AttentionItem(x.item.ItemId, x.item.Title, x.reasons))
            .ToList();

        // Drafts are most of a big bank and have no ratings to watch: the dashboard gets the items that are or have
        // been in review, and any that need attention (the bank page lists the rest).
        var items = reasons
            .Where(x => x.item.Status != ItemStatus.Draft || x.reasons.Count > 0)
            .Select(x => x.item)
            .ToList();
        var (voice, experts) = Voices();
        return new DashboardView(items, [.. state.State.Rounds], coverage, voice, experts, attention, Review, now);
    }

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other > a ? other : a;

    /// <summary>Contributions per group against its share of the panel's experts, and per expert.</summary>
    private (IReadOnlyList<GroupVoice> Voice, IReadOnlyList<ExpertActivity> Experts) Voices()
    {
        var experts = state.State.Members
            .Where(m => m.Value.Role == PanelRole.Expert && !m.Value.Removed)
            .Select(m =>
            {
                var a = activity.State.Members.GetValueOrDefault(m.Key);
                var contributions = a is null ? Contributions.None : new Contributions(a.Items, a.Comments, a.Challenges, a.Ratings);
                return new ExpertActivity(m.Key, m.Value.Name, m.Value.Pseudonym, m.Value.Group, contributions, a?.LastActive);
            })
            .OrderBy(e => e.Group, StringComparer.Ordinal)
            .ThenBy(e => e.Name, StringComparer.CurrentCulture)
            .ToList();
        var groups = state.State.Groups
            .Select(g => new GroupContributions(
                g,
                experts.Count(e => e.Group == g),
                experts.Where(e => e.Group == g).Aggregate(Contributions.None, (sum, e) => sum + e.Contributions)))
            .ToList();
        return (VoiceMonitor.Assess(groups), experts);
    }

    /// <summary>Counts a contribution now; saves and tells the facilitators a little later, once for many.</summary>
    private void Count(Guid personId, Action<MemberActivity> change)
    {
        if (!state.RecordExists || !state.State.Members.ContainsKey(personId))
        {
            return;
        }

        if (!activity.State.Members.TryGetValue(personId, out var member))
        {
            member = activity.State.Members[personId] = new MemberActivity();
        }

        change(member);
        member.LastActive = clock.GetUtcNow();
        activityChanged = true;
        activityTimer ??= this.RegisterGrainTimer(
            async () =>
            {
                activityTimer?.Dispose();
                activityTimer = null;
                await SaveActivity();
                var (voice, experts) = Voices();
                LiveFeed.Publish(GrainFactory, LiveGroups.Facilitators(PanelId), LiveMethods.VoiceChanged, new VoiceChange(PanelId, voice, experts));
            },
            new GrainTimerCreationOptions { DueTime = ActivityEvery, Period = Timeout.InfiniteTimeSpan, Interleave = false });
    }

    private async Task SaveActivity()
    {
        activityChanged = false;
        try
        {
            await activity.WriteStateAsync();
        }
        catch (Exception e)
        {
            activityChanged = true;
            LogActivityNotSaved(e, PanelId);
        }
    }

    private void GivePseudonym(MemberRecord member)
    {
        if (member.Role != PanelRole.Expert || member.Pseudonym is not null)
        {
            return;
        }

        var number = state.State.PseudonymCounters.GetValueOrDefault(member.Group) + 1;
        state.State.PseudonymCounters[member.Group] = number;
        member.Pseudonym = Pseudonyms.Of(member.Group, number);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Panel {PanelId}: activity counts could not be saved; trying again with the next change.")]
    private partial void LogActivityNotSaved(Exception exception, Guid panelId);

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
        new(personId, m.Name, m.Group, m.Email, m.Role, m.InviteHash is not null, m.Removed, m.Pseudonym);

    private PanelView View(Guid caller)
    {
        var me = state.State.Members[caller];
        IReadOnlyList<MemberView> members = me.Role == PanelRole.Facilitator
            ? [.. state.State.Members.Select(p => MemberViewOf(p.Key, p.Value))]
            : [];
        return new PanelView(
            PanelId, state.State.Name, state.State.Framework!, [.. state.State.Groups], me.Role, caller, members, state.State.Items.Count,
            Review, Review.Disclosure(), DisplayName(me), [.. state.State.Rounds]);
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Quorum.Contracts.Common;
using Quorum.Contracts.Editing;
using Quorum.Contracts.Items;
using Quorum.Contracts.Live;
using Quorum.Contracts.Panels;
using Quorum.Contracts.Rounds;
using Quorum.Contracts.Threads;
using Quorum.Domain;
using Quorum.Domain.Consensus;
using Quorum.Domain.Editing;
using Quorum.Domain.Items;
using Quorum.Web.Live;
using Quorum.Web.Security;

namespace Quorum.Web.Hubs;

/// <summary>
/// The live interface. Thin by design: it identifies the caller from the session, translates, and calls a
/// grain; the grains decide and check rights. Joining a group requires the grain to have said yes first.
/// </summary>
[Authorize]
public sealed class PanelHub(IGrainFactory grains, ConnectionRegistry connections, ILogger<PanelHub> logger) : Hub
{
    /// <summary>Bounds the per-connection memory of presences to take back.</summary>
    private const int MaxOpenItems = 64;

    private const string OpenItemsKey = "quorum.open-items";

    private Guid Caller => Context.User.PersonId()
        ?? throw new HubException("The session has no person."); // unreachable behind [Authorize]

    public override Task OnConnectedAsync()
    {
        connections.Add(Caller, Context);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Caller, Context.ConnectionId);
        // Others see a closed tab's cursor go at once, not when its presence would have expired.
        foreach (var (itemId, clientId) in OpenItems().ToList())
        {
            try
            {
                await Item(itemId).Presence(Caller, new PresenceUpdate(clientId, null, 0, 0, 0, Left: true));
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Could not announce that a tab left item {ItemId}", itemId);
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    public async Task<Outcome<PanelView>> JoinPanel(Guid panelId)
    {
        var outcome = await Panel(panelId).GetView(Caller);
        if (outcome.Value is { } view)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Panel(panelId));
            if (view.MyRole == PanelRole.Facilitator)
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Facilitators(panelId));
            }
        }

        return outcome;
    }

    public Task<Outcome<BankView>> ListItems(Guid panelId, string? statementId, ItemStatus? status) =>
        Panel(panelId).ListItems(Caller, statementId, status);

    public async Task<Outcome<ItemView>> OpenItem(Guid itemId)
    {
        var outcome = await Item(itemId).Get(Caller);
        if (outcome.Ok)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Item(itemId));
        }

        return outcome;
    }

    public async Task<Outcome<bool>> LeaveItem(Guid itemId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveGroups.Item(itemId));
        if (OpenItems().Remove(itemId, out var clientId))
        {
            await Item(itemId).Presence(Caller, new PresenceUpdate(clientId, null, 0, 0, 0, Left: true));
        }

        return Outcome.Of(true);
    }

    /// <summary>One op on one text field: transformed, applied and on disk when this returns its revision.</summary>
    public async Task<Outcome<EditAck>> Edit(Guid itemId, string field, int baseRevision, JsonElement op, string clientId, long clientSeq)
    {
        if ((EditInput.CheckField(field) ?? EditInput.CheckClient(clientId, clientSeq) ?? EditInput.CheckRevision(baseRevision)) is { } problem)
        {
            return problem;
        }

        if (!TextOpJson.TryParse(op, out var parsed, out var error))
        {
            return Problem.Invalid("op", error);
        }

        return await Field(itemId, field).Edit(Caller, new FieldEdit(clientId, clientSeq, baseRevision, parsed));
    }

    /// <summary>What a tab at <paramref name="fromRevision"/> missed (after a reconnect or a gap).</summary>
    public async Task<Outcome<FieldSync>> SyncField(Guid itemId, string field, string clientId, int fromRevision)
    {
        if ((EditInput.CheckField(field) ?? EditInput.CheckClient(clientId) ?? EditInput.CheckRevision(fromRevision)) is { } problem)
        {
            return problem;
        }

        return await Field(itemId, field).Sync(Caller, clientId, fromRevision);
    }

    /// <summary>The field's text at a past revision, rebuilt from its history.</summary>
    public async Task<Outcome<FieldState>> FieldAt(Guid itemId, string field, int revision)
    {
        if ((EditInput.CheckField(field) ?? EditInput.CheckRevision(revision)) is { } problem)
        {
            return problem;
        }

        return await Field(itemId, field).TextAt(Caller, revision);
    }

    /// <summary>Where this tab is in an item it has open: which field, cursor and selection.</summary>
    public async Task<Outcome<PresenceView>> Presence(Guid itemId, string clientId, string? field, int revision, int anchor, int head)
    {
        if ((EditInput.CheckClient(clientId) ?? (field is null ? null : EditInput.CheckField(field)) ?? EditInput.CheckRevision(revision)) is { } problem)
        {
            return problem;
        }

        var longest = field is null ? 0 : ItemFields.MaxLength(field);
        if (anchor < 0 || head < 0 || anchor > longest || head > longest)
        {
            return Problem.Invalid("anchor", $"A cursor position is 0 to {longest} in this field.");
        }

        var outcome = await Item(itemId).Presence(Caller, new PresenceUpdate(clientId, field, revision, anchor, head, Left: false));
        if (outcome.Ok && OpenItems().Count < MaxOpenItems)
        {
            OpenItems()[itemId] = clientId;
        }

        return outcome;
    }

    public Task<Outcome<ItemView>> CreateItem(Guid panelId, ItemDraft? draft) =>
        draft is null
            ? Task.FromResult(Outcome<ItemView>.Failure(Problem.Invalid("draft", "The item is missing.")))
            : Panel(panelId).CreateItem(Caller, draft);

    /// <summary>Writes many items at once, all or none (bounded by the message size and <see cref="Limits.ItemsPerImport"/>).</summary>
    public Task<Outcome<IReadOnlyList<ItemSummary>>> ImportItems(Guid panelId, ItemDraft[]? drafts) =>
        drafts is null
            ? Task.FromResult(Outcome<IReadOnlyList<ItemSummary>>.Failure(Problem.Invalid("drafts", "The items are missing.")))
            : Panel(panelId).ImportItems(Caller, drafts);

    public Task<Outcome<FieldState>> SetKeys(Guid itemId, int baseRevision, int[]? keys) =>
        Item(itemId).SetKeys(Caller, baseRevision, keys ?? []);

    public Task<Outcome<FieldState>> SetStatement(Guid itemId, int baseRevision, string statementId) =>
        Item(itemId).SetStatement(Caller, baseRevision, statementId);

    /// <summary>Rates an item in its open round; the answer includes everyone's distribution, now that the caller has rated.</summary>
    public Task<Outcome<ItemReview>> Rate(Guid itemId, Rating? rating) =>
        rating is null
            ? Task.FromResult(Outcome<ItemReview>.Failure(Problem.Invalid("rating", "The rating is missing.")))
            : Item(itemId).Rate(Caller, rating);

    /// <summary>The caller's view of an item's ratings (others' hidden until the caller has rated or the round has closed).</summary>
    public Task<Outcome<ItemReview>> GetReview(Guid itemId) =>
        Item(itemId).GetReview(Caller);

    /// <summary>Moves an item by hand: withdraw, back to draft, final, or a facilitator's override (with its reason).</summary>
    public Task<Outcome<ItemSummary>> SetStatus(Guid itemId, ItemStatus status, string? reason) =>
        Item(itemId).SetStatus(Caller, status, reason);

    public Task<Outcome<PanelView>> SetReview(Guid panelId, ReviewSettings? settings) =>
        settings is null
            ? Task.FromResult(Outcome<PanelView>.Failure(Problem.Invalid("settings", "The review settings are missing.")))
            : Panel(panelId).SetReview(Caller, settings);

    public Task<Outcome<RoundView>> OpenRound(Guid panelId, RoundRequest? request) =>
        request is null
            ? Task.FromResult(Outcome<RoundView>.Failure(Problem.Invalid("request", "Say which items the round covers.")))
            : Panel(panelId).OpenRound(Caller, request);

    public Task<Outcome<RoundView>> CloseRound(Guid roundId) =>
        grains.GetGrain<IRoundGrain>(roundId).Close(Caller);

    public Task<Outcome<RoundView>> GetRound(Guid roundId) =>
        grains.GetGrain<IRoundGrain>(roundId).Get(Caller);

    /// <summary>Panel statistics (agreement, scale CVI, Angoff cut score) of a chosen set of a closed round's items.</summary>
    public Task<Outcome<PanelStatistics>> RoundStatistics(Guid roundId, Guid[]? itemIds) =>
        grains.GetGrain<IRoundGrain>(roundId).StatisticsFor(Caller, itemIds ?? []);

    public Task<Outcome<IReadOnlyList<RoundSummary>>> ListRounds(Guid panelId) =>
        Panel(panelId).ListRounds(Caller);

    public Task<Outcome<DashboardView>> GetDashboard(Guid panelId) =>
        Panel(panelId).GetDashboard(Caller);

    public Task<Outcome<DashboardView>> SetCoverageTarget(Guid panelId, string statementId, int target) =>
        Panel(panelId).SetCoverageTarget(Caller, statementId, target);

    public Task<Outcome<ThreadView>> StartThread(Guid itemId, string text, bool isChallenge) =>
        Item(itemId).StartThread(Caller, text, isChallenge);

    public Task<Outcome<ThreadView>> GetThread(Guid threadId) =>
        Thread(threadId).Get(Caller);

    public Task<Outcome<ThreadView>> Comment(Guid threadId, Guid? parentId, string text, bool isChallenge) =>
        Thread(threadId).Comment(Caller, parentId, text, isChallenge);

    public Task<Outcome<ThreadView>> ResolveChallenge(Guid threadId, Guid commentId, string note) =>
        Thread(threadId).Resolve(Caller, commentId, note);

    /// <summary>Items this connection has announced a presence in (item id to its tab id), to take it back on disconnect.</summary>
    private Dictionary<Guid, string> OpenItems()
    {
        if (Context.Items.TryGetValue(OpenItemsKey, out var found) && found is Dictionary<Guid, string> open)
        {
            return open;
        }

        var created = new Dictionary<Guid, string>();
        Context.Items[OpenItemsKey] = created;
        return created;
    }

    private IFieldGrain Field(Guid itemId, string field) => grains.GetGrain<IFieldGrain>(itemId, field, null);

    private IPanelGrain Panel(Guid id) => grains.Reference<IPanelGrain>(id);

    private IItemGrain Item(Guid id) => grains.Reference<IItemGrain>(id);

    private IThreadGrain Thread(Guid id) => grains.GetGrain<IThreadGrain>(id);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Quorum.Contracts.Common;
using Quorum.Contracts.Items;
using Quorum.Contracts.Live;
using Quorum.Contracts.Panels;
using Quorum.Contracts.Threads;
using Quorum.Domain.Consensus;
using Quorum.Domain.Items;
using Quorum.Web.Live;
using Quorum.Web.Security;

namespace Quorum.Web.Hubs;

/// <summary>
/// The live interface. Thin by design: it identifies the caller from the session, translates, and calls a
/// grain; the grains decide and check rights. Joining a group requires the grain to have said yes first.
/// </summary>
[Authorize]
public sealed class PanelHub(IGrainFactory grains, ConnectionRegistry connections) : Hub
{
    private Guid Caller => Context.User.PersonId()
        ?? throw new HubException("The session has no person."); // unreachable behind [Authorize]

    public override Task OnConnectedAsync()
    {
        connections.Add(Caller, Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Caller, Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
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
        return Outcome.Of(true);
    }

    public Task<Outcome<ItemView>> CreateItem(Guid panelId, ItemDraft? draft) =>
        draft is null
            ? Task.FromResult(Outcome<ItemView>.Failure(Problem.Invalid("draft", "The item is missing.")))
            : Panel(panelId).CreateItem(Caller, draft);

    public Task<Outcome<FieldState>> EditText(Guid itemId, string field, int baseRevision, string text) =>
        Item(itemId).EditText(Caller, field, baseRevision, text);

    public Task<Outcome<FieldState>> SetKeys(Guid itemId, int baseRevision, int[]? keys) =>
        Item(itemId).SetKeys(Caller, baseRevision, keys ?? []);

    public Task<Outcome<FieldState>> SetStatement(Guid itemId, int baseRevision, string statementId) =>
        Item(itemId).SetStatement(Caller, baseRevision, statementId);

    public Task<Outcome<RatingStatistics>> Rate(Guid itemId, Rating? rating) =>
        rating is null
            ? Task.FromResult(Outcome<RatingStatistics>.Failure(Problem.Invalid("rating", "The rating is missing.")))
            : Item(itemId).Rate(Caller, rating);

    public Task<Outcome<ItemSummary>> SetReviewClosed(Guid itemId, bool closed) =>
        Item(itemId).SetReviewClosed(Caller, closed);

    public Task<Outcome<ThreadView>> StartThread(Guid itemId, string text, bool isChallenge) =>
        Item(itemId).StartThread(Caller, text, isChallenge);

    public Task<Outcome<ThreadView>> GetThread(Guid threadId) =>
        Thread(threadId).Get(Caller);

    public Task<Outcome<ThreadView>> Comment(Guid threadId, Guid? parentId, string text, bool isChallenge) =>
        Thread(threadId).Comment(Caller, parentId, text, isChallenge);

    public Task<Outcome<ThreadView>> ResolveChallenge(Guid threadId, Guid commentId, string note) =>
        Thread(threadId).Resolve(Caller, commentId, note);

    private IPanelGrain Panel(Guid id) => grains.GetGrain<IPanelGrain>(id);

    private IItemGrain Item(Guid id) => grains.GetGrain<IItemGrain>(id);

    private IThreadGrain Thread(Guid id) => grains.GetGrain<IThreadGrain>(id);
}

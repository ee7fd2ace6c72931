using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Quorum.Domain.Editing;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Simulation;

namespace Quorum.Simulator.Server;

/// <summary>
/// One browser's connection to <c>/hubs/panel</c>: the same session cookie as its REST calls and the site's own
/// Origin (the server checks it on the handshake). Every method returns the hub's <see cref="Outcome{T}"/>;
/// a refusal is counted here, an exception is left to the caller.
/// </summary>
public sealed class HubSession : IAsyncDisposable
{
    /// <summary>Longest wait for one answer: a hung server turns into an error, not a hung simulator.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly HubConnection _connection;
    private readonly SimulationCounters _counters;
    private readonly ProblemLog _log;
    private Guid? _panelId;

    private HubSession(HubConnection connection, string who, SimulationCounters counters, ProblemLog log)
    {
        _connection = connection;
        Who = who;
        _counters = counters;
        _log = log;

        // Browsers rejoin their panel after a reconnect; item subscriptions are re-made when an item is next opened.
        _connection.Reconnected += async _ =>
        {
            if (_panelId is { } panelId)
            {
                try
                {
                    await JoinPanelAsync(panelId, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    _counters.Failed();
                    _log.Error(Who, "JoinPanel after reconnecting", e);
                }
            }
        };
    }

    /// <summary>Who this browser is, for diagnostics.</summary>
    public string Who { get; }

    public static async Task<HubSession> ConnectAsync(
        QuorumClient browser, ServerTransport transport, string who, SimulationCounters counters, ProblemLog log, CancellationToken cancellation)
    {
        var origin = browser.Origin;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(browser.Server, "hubs/panel"), options =>
            {
                options.Cookies = browser.Cookies;
                options.Headers["Origin"] = origin;
                transport.ConfigureHub?.Invoke(options, browser.Cookies);
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions = QuorumJson.Create())
            .WithAutomaticReconnect()
            .Build();

        var session = new HubSession(connection, who, counters, log);
        try
        {
            await connection.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return session;
    }

    /// <summary>True once the connection is gone for good (reconnecting gave up, or it was stopped).</summary>
    public bool IsClosed => _connection.State == HubConnectionState.Disconnected;

    /// <summary><c>itemCreated</c>: a new item in the panel.</summary>
    public IDisposable OnItemCreated(Action<ItemSummary> handler) => _connection.On("itemCreated", handler);

    /// <summary><c>itemSummary</c>: an item's title, counts, status or round changed (without the open round's ratings).</summary>
    public IDisposable OnItemSummary(Action<ItemSummary> handler) => _connection.On("itemSummary", handler);

    /// <summary><c>itemReview</c>, to facilitators only: an item's summary with the open round's ratings, after every rating.</summary>
    public IDisposable OnItemReview(Action<ItemSummary> handler) => _connection.On("itemReview", handler);

    /// <summary><c>roundChanged</c>: a round opened, began closing or closed.</summary>
    public IDisposable OnRoundChanged(Action<RoundSummary> handler) => _connection.On("roundChanged", handler);

    /// <summary><c>fieldEdits</c>: durable edits to a field of an item this connection has open.</summary>
    public IDisposable OnFieldEdits(Action<FieldEdits> handler) => _connection.On("fieldEdits", handler);

    public async Task<Outcome<PanelView>> JoinPanelAsync(Guid panelId, CancellationToken cancellation)
    {
        var outcome = await CallAsync<PanelView>("JoinPanel", [panelId], cancellation).ConfigureAwait(false);
        if (outcome.Ok)
        {
            _panelId = panelId;
        }

        return outcome;
    }

    public Task<Outcome<BankView>> ListItemsAsync(Guid panelId, CancellationToken cancellation) =>
        CallAsync<BankView>("ListItems", [panelId, null, null], cancellation);

    public Task<Outcome<ItemView>> OpenItemAsync(Guid itemId, CancellationToken cancellation) =>
        CallAsync<ItemView>("OpenItem", [itemId], cancellation);

    public Task<Outcome<bool>> LeaveItemAsync(Guid itemId, CancellationToken cancellation) =>
        CallAsync<bool>("LeaveItem", [itemId], cancellation);

    public Task<Outcome<ItemView>> CreateItemAsync(Guid panelId, ItemDraft draft, CancellationToken cancellation) =>
        CallAsync<ItemView>("CreateItem", [panelId, draft], cancellation);

    /// <summary>One op against <paramref name="baseRevision"/>; acknowledged once it is on disk.</summary>
    public Task<Outcome<EditAck>> EditAsync(Guid itemId, string field, int baseRevision, TextOp op, string clientId, long clientSeq, CancellationToken cancellation) =>
        CallAsync<EditAck>("Edit", [itemId, field, baseRevision, op, clientId, clientSeq], cancellation);

    public Task<Outcome<FieldSync>> SyncFieldAsync(Guid itemId, string field, string clientId, int fromRevision, CancellationToken cancellation) =>
        CallAsync<FieldSync>("SyncField", [itemId, field, clientId, fromRevision], cancellation);

    /// <summary>The field's text as it was at <paramref name="revision"/>, rebuilt by the server from the field's history.</summary>
    public Task<Outcome<FieldState>> FieldAtAsync(Guid itemId, string field, int revision, CancellationToken cancellation) =>
        CallAsync<FieldState>("FieldAt", [itemId, field, revision], cancellation);

    public Task<Outcome<FieldState>> SetKeysAsync(Guid itemId, int baseRevision, IReadOnlyList<int> keys, CancellationToken cancellation) =>
        CallAsync<FieldState>("SetKeys", [itemId, baseRevision, keys], cancellation);

    /// <summary>Rates the item in its open round; the answer shows the others' ratings, now that the caller has rated.</summary>
    public Task<Outcome<ItemReview>> RateAsync(Guid itemId, Rating rating, CancellationToken cancellation) =>
        CallAsync<ItemReview>("Rate", [itemId, rating], cancellation);

    /// <summary>Sets the panel's instruments, consensus rules and pseudonymity (facilitators).</summary>
    public Task<Outcome<PanelView>> SetReviewAsync(Guid panelId, ReviewSettings settings, CancellationToken cancellation) =>
        CallAsync<PanelView>("SetReview", [panelId, settings], cancellation);

    /// <summary>Opens a review round (facilitators); the items that could not enter are listed in the answer.</summary>
    public Task<Outcome<RoundView>> OpenRoundAsync(Guid panelId, RoundRequest request, CancellationToken cancellation) =>
        CallAsync<RoundView>("OpenRound", [panelId, request], cancellation);

    /// <summary>Closes a round (facilitators): each item is decided by the panel's rules; the answer carries the results.</summary>
    public Task<Outcome<RoundView>> CloseRoundAsync(Guid roundId, CancellationToken cancellation) =>
        CallAsync<RoundView>("CloseRound", [roundId], cancellation);

    public Task<Outcome<IReadOnlyList<RoundSummary>>> ListRoundsAsync(Guid panelId, CancellationToken cancellation) =>
        CallAsync<IReadOnlyList<RoundSummary>>("ListRounds", [panelId], cancellation);

    /// <summary>The facilitators' dashboard: every item with the open round's ratings, and the rounds.</summary>
    public Task<Outcome<DashboardView>> GetDashboardAsync(Guid panelId, CancellationToken cancellation) =>
        CallAsync<DashboardView>("GetDashboard", [panelId], cancellation);

    public Task<Outcome<ThreadView>> StartThreadAsync(Guid itemId, string text, bool isChallenge, CancellationToken cancellation) =>
        CallAsync<ThreadView>("StartThread", [itemId, text, isChallenge], cancellation);

    public Task<Outcome<ThreadView>> GetThreadAsync(Guid threadId, CancellationToken cancellation) =>
        CallAsync<ThreadView>("GetThread", [threadId], cancellation);

    public Task<Outcome<ThreadView>> CommentAsync(Guid threadId, Guid? parentId, string text, bool isChallenge, CancellationToken cancellation) =>
        CallAsync<ThreadView>("Comment", [threadId, parentId, text, isChallenge], cancellation);

    public Task<Outcome<ThreadView>> ResolveChallengeAsync(Guid threadId, Guid commentId, string note, CancellationToken cancellation) =>
        CallAsync<ThreadView>("ResolveChallenge", [threadId, commentId, note], cancellation);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task<Outcome<T>> CallAsync<T>(string method, object?[] arguments, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(CallTimeout);
        Outcome<T>? outcome;
        try
        {
            outcome = await _connection.InvokeCoreAsync<Outcome<T>>(method, arguments, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new TimeoutException($"{method} had no answer within {CallTimeout.TotalSeconds:0} s.");
        }

        if (outcome is null || (outcome.Ok && outcome.Value is null && typeof(T).IsClass))
        {
            throw new InvalidDataException($"{method} answered without an outcome value.");
        }

        if (!outcome.Ok)
        {
            _counters.Refused();
            _log.Refusal(Who, method, outcome.Error);
        }

        return outcome;
    }
}

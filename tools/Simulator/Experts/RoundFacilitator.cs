using System.Collections.Concurrent;
using System.Diagnostics;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Experts;

/// <summary>
/// The simulated facilitator running the Delphi review. As authors report items finished, it opens a round per
/// statement once a few have gathered (the last ones of each statement, when the writing is over, by statement and
/// status); it watches the ratings come in on the live view and the dashboard, and closes a round when every
/// expert has rated or passed on each of its items, or when the round has been open its time. Items the rules send
/// back are revised by their authors and go into a further round, up to <see cref="PanelContext.MaxRounds"/> in all.
/// When nothing is left to write, review or revise, it tells the panel the review is over.
/// </summary>
public sealed class RoundFacilitator
{
    /// <summary>A facilitator whose calls fail this many times in a row stops running rounds.</summary>
    private const int MaxConsecutiveErrors = 5;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan DashboardEvery = TimeSpan.FromSeconds(1);

    private readonly HubSession _hub;
    private readonly PanelContext _panel;
    private readonly HashSet<Guid> _experts;
    private readonly int _roundSize;
    private readonly TimeSpan _roundTime;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    // The newest summary of each item, and of its open round's ratings (itemReview events and the dashboard).
    private readonly ConcurrentDictionary<Guid, ItemSummary> _items = new();
    private readonly ConcurrentDictionary<Guid, ItemLive> _live = new();
    private readonly ConcurrentDictionary<(Guid ItemId, int RatingSeq), byte> _heard = new();

    // The facilitator's own task only.
    private readonly Dictionary<string, List<Guid>> _firstReview = new(StringComparer.Ordinal);
    private readonly List<Guid> _revised = [];
    private readonly Dictionary<Guid, (RoundView Round, TimeSpan OpenedAt)> _open = [];
    private readonly HashSet<Guid> _awaitingRevision = [];
    private TimeSpan _dashboardAt = TimeSpan.MinValue;
    private int _consecutiveErrors;

    /// <param name="experts">The simulated experts: the ones whose ratings and revisions the facilitator waits for.</param>
    /// <param name="roundSize">Items of one statement gathered before a round opens over them.</param>
    /// <param name="roundTime">The longest a round stays open.</param>
    public RoundFacilitator(HubSession hub, PanelContext panel, IEnumerable<Guid> experts, int roundSize, TimeSpan roundTime)
    {
        _hub = hub;
        _panel = panel;
        _experts = [.. experts];
        _roundSize = Math.Max(1, roundSize);
        _roundTime = roundTime;
        hub.OnItemReview(summary =>
        {
            // Every rating is announced with its own number; other changes repeat the number of the last one.
            if (summary.Live is { RatingSeq: > 0 } live && _heard.TryAdd((summary.ItemId, live.RatingSeq), 0))
            {
                panel.Counters.RatingSeenLive();
            }

            See(summary);
        });
    }

    public async Task RunAsync(CancellationToken cancellation)
    {
        try
        {
            // Bounded by the deadline; the count only backs it up.
            for (var pass = 0; pass < 1_000_000 && _consecutiveErrors < MaxConsecutiveErrors && !_hub.IsClosed; pass++)
            {
                TakeReports();
                if (_open.Count > 0 && _clock.Elapsed - _dashboardAt >= DashboardEvery)
                {
                    await ActAsync("GetDashboard", RefreshDashboardAsync, cancellation).ConfigureAwait(false);
                }

                await CloseDueRoundsAsync(cancellation).ConfigureAwait(false);
                await OpenDueRoundsAsync(cancellation).ConfigureAwait(false);
                if (_panel.Writing.AllWritten && _open.Count == 0 && _revised.Count == 0 && _awaitingRevision.Count == 0 && _firstReview.Count == 0)
                {
                    return;
                }

                await _panel.Rounds.WaitForNewsAsync(Tick, cancellation).ConfigureAwait(false);
            }

            if (_open.Count > 0 || _firstReview.Count > 0)
            {
                _panel.Log.Note($"note: the facilitator stopped running rounds with {_open.Count} open and {_firstReview.Values.Sum(l => l.Count)} items waiting.");
            }
        }
        finally
        {
            // Whatever happened, the experts must not wait for rounds that will not come.
            _panel.Rounds.Finish();
        }
    }

    /// <summary>Items reported ready, revisions declined, experts stopped.</summary>
    private void TakeReports()
    {
        foreach (var ready in _panel.Rounds.TakeReady())
        {
            if (_panel.MaxRounds == 0)
            {
                continue;
            }

            if (ready.Revised)
            {
                _awaitingRevision.Remove(ready.ItemId);
                _revised.Add(ready.ItemId);
            }
            else
            {
                if (!_firstReview.TryGetValue(ready.StatementId, out var items))
                {
                    _firstReview[ready.StatementId] = items = [];
                }

                items.Add(ready.ItemId);
            }
        }

        _awaitingRevision.RemoveWhere(itemId => _panel.Rounds.HasDeclined(itemId)
            || (_items.TryGetValue(itemId, out var item) && _panel.Rounds.HasStopped(item.AuthorId)));
    }

    private async Task OpenDueRoundsAsync(CancellationToken cancellation)
    {
        var writingOver = _panel.Writing.AllWritten;
        foreach (var statement in _panel.Statements.Where(s => _firstReview.ContainsKey(s.Id)).ToList())
        {
            var items = _firstReview[statement.Id];
            if (items.Count >= _roundSize)
            {
                _firstReview.Remove(statement.Id);
                await OpenAsync(new RoundRequest($"Statement {statement.Number}: first review", [.. items], null, null), cancellation).ConfigureAwait(false);
            }
            else if (writingOver)
            {
                // The statement's last drafts: everything written on it is finished now, so it is taken by statement and status.
                _firstReview.Remove(statement.Id);
                await OpenAsync(new RoundRequest($"Statement {statement.Number}: last drafts", null, statement.Id, ItemStatus.Draft), cancellation).ConfigureAwait(false);
            }
        }

        // Items tagged to a statement the framework does not list cannot be; nothing is left waiting on them.
        foreach (var unknown in _firstReview.Keys.Where(id => _panel.Statements.All(s => s.Id != id)).ToList())
        {
            _firstReview.Remove(unknown);
        }

        var everythingElseDone = writingOver && _firstReview.Count == 0 && _awaitingRevision.Count == 0;
        if (_revised.Count > 0 && (_revised.Count >= _roundSize || everythingElseDone))
        {
            var items = _revised.ToList();
            _revised.Clear();
            await OpenAsync(new RoundRequest($"After revision: {items.Count} item{(items.Count == 1 ? "" : "s")}", items, null, null), cancellation).ConfigureAwait(false);
        }
    }

    private Task OpenAsync(RoundRequest request, CancellationToken cancellation) =>
        ActAsync($"opening round \"{request.Name}\"", async ct =>
        {
            var opened = await _hub.OpenRoundAsync(_panel.PanelId, request, ct).ConfigureAwait(false);
            if (!opened.Ok)
            {
                // Described by the refusal log; the items are not offered again.
                return;
            }

            var round = opened.Value!;
            _panel.Counters.RoundOpened();
            _open[round.RoundId] = (round, _clock.Elapsed);
            if (round.Refused.Count > 0)
            {
                _panel.Log.Note($"note: round \"{round.Name}\" left out {round.Refused.Count} item(s): {string.Join(" ", round.Refused[0].Problems.Select(p => p.Message))}");
            }

            await RefreshDashboardAsync(ct).ConfigureAwait(false);
        }, cancellation);

    private async Task CloseDueRoundsAsync(CancellationToken cancellation)
    {
        foreach (var (roundId, (round, openedAt)) in _open.ToList())
        {
            if (_clock.Elapsed - openedAt < _roundTime && !round.ItemIds.All(itemId => Attended(roundId, itemId)))
            {
                continue;
            }

            await ActAsync($"closing round \"{round.Name}\"", async ct =>
            {
                var closed = await _hub.CloseRoundAsync(roundId, ct).ConfigureAwait(false);
                if (!closed.Ok)
                {
                    if (closed.Error?.Code == ProblemCodes.Closed)
                    {
                        _open.Remove(roundId);
                    }

                    return;
                }

                _open.Remove(roundId);
                _panel.Counters.RoundClosed();
                var results = closed.Value!.Results?.Items ?? [];
                foreach (var result in results)
                {
                    _panel.Counters.Decided(result.ItemId, result.Outcome);
                }

                // Which of the items sent back will be revised for another round: the dashboard has their round counts.
                await RefreshDashboardAsync(ct).ConfigureAwait(false);
                foreach (var result in results.Where(r => r.Outcome == ItemStatus.NeedsRevision))
                {
                    if (_items.TryGetValue(result.ItemId, out var item)
                        && item is { Status: ItemStatus.NeedsRevision }
                        && item.Rounds < _panel.MaxRounds
                        && _experts.Contains(item.AuthorId)
                        && !_panel.Rounds.HasStopped(item.AuthorId)
                        && !_revised.Contains(item.ItemId))
                    {
                        _awaitingRevision.Add(item.ItemId);
                    }
                }
            }, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Every simulated expert still at work, the author aside, has rated the item in this round or passed on it.</summary>
    private bool Attended(Guid roundId, Guid itemId)
    {
        var raters = _live.TryGetValue(itemId, out var live) && live.RoundId == roundId ? live.Current.Raters : 0;
        var author = _items.TryGetValue(itemId, out var item) ? item.AuthorId : Guid.Empty;
        var expected = _experts.Count(e => e != author && !_panel.Rounds.HasStopped(e));
        return raters + _panel.Rounds.Passes(roundId, itemId) >= expected;
    }

    private async Task RefreshDashboardAsync(CancellationToken cancellation)
    {
        _dashboardAt = _clock.Elapsed;
        var dashboard = await _hub.GetDashboardAsync(_panel.PanelId, cancellation).ConfigureAwait(false);
        if (dashboard.Ok)
        {
            foreach (var item in dashboard.Value!.Items)
            {
                See(item);
            }
        }
    }

    /// <summary>
    /// Keeps an item's newest summary, and the newest view of its open round's ratings: events may arrive after a later
    /// dashboard, and an older view never replaces a newer (ratings are numbered across the item's rounds).
    /// </summary>
    private void See(ItemSummary item)
    {
        _items.AddOrUpdate(item.ItemId, item, (_, known) => item.UpdatedAt >= known.UpdatedAt ? item : known);
        if (item.Live is { } live)
        {
            _live.AddOrUpdate(item.ItemId, live, (_, known) => live.RatingSeq >= known.RatingSeq ? live : known);
        }
    }

    private async Task ActAsync(string doing, Func<CancellationToken, Task> action, CancellationToken cancellation)
    {
        try
        {
            await action(cancellation).ConfigureAwait(false);
            _consecutiveErrors = 0;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            _consecutiveErrors++;
            _panel.Counters.Failed();
            _panel.Log.Error(_hub.Who, doing, e);
        }
    }
}

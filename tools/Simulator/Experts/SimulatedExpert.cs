using System.Collections.Concurrent;
using Quorum.Simulator.Planning;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Experts;

/// <summary>
/// One expert in their own browser: joins the panel, writes their share of the bank, and in between and afterwards
/// works through what the live view shows them, most pressing first: their own items sent back for revision, new
/// challenges on their own items, others' items in open review rounds (to rate), and others' items not yet looked
/// at (to read and discuss). They stop when the facilitator says the review is over and nothing is left to read.
/// Every loop is bounded; the run's deadline cuts it short.
/// </summary>
public sealed class SimulatedExpert
{
    /// <summary>An expert who fails this many actions in a row stops (their browser has evidently lost the server).</summary>
    private const int MaxConsecutiveErrors = 5;

    /// <summary>Tasks of one kind done at most in one break between two pieces of writing.</summary>
    private const int MaxTasksPerBreak = 200;

    /// <summary>Idle waits between two looks at the whole bank, for anything the live events did not bring.</summary>
    private const int IdleWaitsPerRefresh = 5;

    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);

    private readonly HubSession _hub;
    private readonly PanelContext _panel;
    private readonly IReadOnlyList<WritingJob> _jobs;
    private readonly Guid _personId;
    private readonly ItemWriter _writer;
    private readonly ItemReviewer _reviewer;
    private readonly ItemReviser _reviser;
    private readonly ChallengeResolver _resolver;
    private readonly Random _random;

    // Filled by hub events (on SignalR's thread) and read by the expert's own task.
    private readonly ConcurrentQueue<Guid> _toRead = new();
    private readonly ConcurrentDictionary<Guid, byte> _known = new();
    private readonly ConcurrentQueue<(Guid ItemId, Guid RoundId)> _toRate = new();
    private readonly ConcurrentDictionary<(Guid ItemId, Guid RoundId), byte> _roundsSeen = new();
    private readonly ConcurrentQueue<Guid> _toRevise = new();
    private readonly ConcurrentDictionary<(Guid ItemId, int Rounds), byte> _sentBack = new();
    private readonly ConcurrentDictionary<Guid, byte> _challenged = new();
    private readonly ConcurrentDictionary<Guid, int> _leftOpen = new();
    private readonly SemaphoreSlim _news = new(0);

    // The expert's own task only.
    private readonly HashSet<Guid> _looked = [];
    private int _consecutiveErrors;
    private int _reviews;

    public SimulatedExpert(HubSession hub, PanelContext panel, Guid personId, IReadOnlyList<WritingJob> jobs, int seed)
    {
        _hub = hub;
        _panel = panel;
        _personId = personId;
        _jobs = jobs;
        _random = new Random(seed);
        var pacing = new Pacing(panel.Pace, _random);
        var keystrokesPerBurst = _random.Next(panel.Habits.MinKeystrokesPerBurst, panel.Habits.MaxKeystrokesPerBurst + 1);
        var keyboard = new Keyboard(hub, panel, personId, pacing, keystrokesPerBurst);
        _writer = new ItemWriter(hub, panel, _random, pacing, keyboard);
        _reviewer = new ItemReviewer(hub, panel, _random, pacing, keyboard);
        _reviser = new ItemReviser(hub, panel, _random, pacing, keyboard);
        _resolver = new ChallengeResolver(hub, panel, _random, pacing, panel.Habits.ResolveAsAuthor);

        hub.OnItemCreated(Learn);
        hub.OnItemSummary(summary =>
        {
            Learn(summary);

            // The live view shows an author a new challenge on their item; they will look at it between tasks.
            if (summary.AuthorId == _personId && summary.OpenChallenges > _leftOpen.GetValueOrDefault(summary.ItemId))
            {
                _challenged.TryAdd(summary.ItemId, 0);
                _news.Release();
            }
        });
    }

    public Guid PersonId => _personId;

    private bool GaveUp => _consecutiveErrors >= MaxConsecutiveErrors || _hub.IsClosed;

    public async Task RunAsync(CancellationToken cancellation)
    {
        var jobsDone = 0;
        try
        {
            if (!await ActAsync("JoinPanel", JoinAsync, cancellation).ConfigureAwait(false))
            {
                return;
            }

            foreach (var job in _jobs)
            {
                if (GaveUp || cancellation.IsCancellationRequested)
                {
                    break;
                }

                await ActAsync($"writing job {job.Number} ({job.Kind})", ct => _writer.WriteAsync(job, ct), cancellation).ConfigureAwait(false);
                jobsDone++;
                _panel.Writing.JobFinished();
                await TakeBreakAsync(cancellation).ConfigureAwait(false);
            }

            await WorkUntilFinishedAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The run was stopped (Ctrl+C or its time limit): not this expert's error.
        }
        finally
        {
            // Jobs this expert will never write must not keep the others waiting for them, nor the facilitator
            // wait for their ratings and revisions.
            for (; jobsDone < _jobs.Count; jobsDone++)
            {
                _panel.Writing.JobFinished();
            }

            _panel.Rounds.Stopped(_personId);
        }
    }

    private async Task JoinAsync(CancellationToken cancellation)
    {
        var joined = await _hub.JoinPanelAsync(_panel.PanelId, cancellation).ConfigureAwait(false);
        if (!joined.Ok)
        {
            throw new InvalidOperationException($"JoinPanel was refused: {joined.Error?.Code} {joined.Error?.Message}");
        }

        await RefreshBankAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>Between two pieces of writing: revisions, challenges and ratings the rounds wait for, then a few items to read.</summary>
    private async Task TakeBreakAsync(CancellationToken cancellation)
    {
        var reads = _random.Next(_panel.Habits.MaxReviewsBetweenJobs + 1);
        for (var i = 0; i < MaxTasksPerBreak && !GaveUp && await ReviseNextAsync(cancellation).ConfigureAwait(false); i++)
        {
        }

        await ResolveChallengesAsync(cancellation).ConfigureAwait(false);
        for (var i = 0; i < MaxTasksPerBreak && !GaveUp && await RateNextAsync(cancellation).ConfigureAwait(false); i++)
        {
        }

        for (var i = 0; i < reads && !GaveUp; i++)
        {
            await ReadNextAsync(cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>After their own writing: works until the facilitator has closed the review and nothing is left to read.</summary>
    private async Task WorkUntilFinishedAsync(CancellationToken cancellation)
    {
        // The count bound only backs up the deadline: each pass does one task, or waits a second for news.
        var passes = (_panel.ReviewBudget * 4) + 3_600;
        var idle = 0;
        for (var pass = 0; pass < passes && !GaveUp; pass++)
        {
            cancellation.ThrowIfCancellationRequested();
            if (await ReviseNextAsync(cancellation).ConfigureAwait(false)
                || await ResolveChallengesAsync(cancellation).ConfigureAwait(false)
                || await RateNextAsync(cancellation).ConfigureAwait(false)
                || await ReadNextAsync(cancellation).ConfigureAwait(false))
            {
                idle = 0;
                continue;
            }

            if (_panel.Rounds.Finished)
            {
                return;
            }

            // Now and then a look at the whole bank: catches items whose events this browser missed.
            if (++idle % IdleWaitsPerRefresh == 0)
            {
                await ActAsync("ListItems", RefreshBankAsync, cancellation).ConfigureAwait(false);
            }

            await _news.WaitAsync(IdleWait, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Revises the next own item sent back; false when there is none (or the review is over).</summary>
    private async Task<bool> ReviseNextAsync(CancellationToken cancellation)
    {
        if (!_toRevise.TryDequeue(out var itemId))
        {
            return false;
        }

        if (_panel.Rounds.Finished)
        {
            _panel.Rounds.Declined(itemId);
            return true;
        }

        await ActAsync($"revising item {itemId}", ct => _reviser.ReviseAsync(itemId, ct), cancellation).ConfigureAwait(false);
        return true;
    }

    /// <summary>Rates (or passes on) the next item in an open round; false when there is none.</summary>
    private async Task<bool> RateNextAsync(CancellationToken cancellation)
    {
        if (!_toRate.TryDequeue(out var next))
        {
            return false;
        }

        // Once the review is over there is nothing left to rate.
        if (!_panel.Rounds.Finished)
        {
            await VisitAsync(next.ItemId, cancellation).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Reads the next item not yet looked at; false when there is none (or the budget is spent).</summary>
    private async Task<bool> ReadNextAsync(CancellationToken cancellation)
    {
        while (_reviews < _panel.ReviewBudget && _toRead.TryDequeue(out var itemId))
        {
            // Already seen when it came up for rating.
            if (!_looked.Contains(itemId))
            {
                await VisitAsync(itemId, cancellation).ConfigureAwait(false);
                return true;
            }
        }

        return false;
    }

    private async Task VisitAsync(Guid itemId, CancellationToken cancellation)
    {
        _reviews++;
        var firstLook = _looked.Add(itemId);
        await ActAsync($"reviewing item {itemId}", ct => _reviewer.ReviewAsync(itemId, firstLook, ct), cancellation).ConfigureAwait(false);
    }

    /// <summary>Looks at one own item with a new challenge; false when there is none.</summary>
    private async Task<bool> ResolveChallengesAsync(CancellationToken cancellation)
    {
        var itemId = _challenged.Keys.FirstOrDefault();
        if (itemId == Guid.Empty || !_challenged.TryRemove(itemId, out _))
        {
            return false;
        }

        await ActAsync($"answering challenges on item {itemId}", async ct =>
        {
            _leftOpen[itemId] = await _resolver.ResolveAsync(itemId, ct).ConfigureAwait(false);
        }, cancellation).ConfigureAwait(false);
        return true;
    }

    private async Task RefreshBankAsync(CancellationToken cancellation)
    {
        var bank = await _hub.ListItemsAsync(_panel.PanelId, cancellation).ConfigureAwait(false);
        if (bank.Ok)
        {
            foreach (var item in bank.Value!.Items)
            {
                Learn(item);
            }
        }
    }

    /// <summary>
    /// Takes in what the live view (or the bank) shows of an item: someone else's item to read the first time this
    /// browser hears of it, and to rate once in each round it enters; an own item sent back for revision, when the
    /// facilitator's plan gives it another round.
    /// </summary>
    private void Learn(ItemSummary item)
    {
        if (item.AuthorId == _personId)
        {
            if (item.Status == ItemStatus.NeedsRevision && item.Rounds < _panel.MaxRounds && _sentBack.TryAdd((item.ItemId, item.Rounds), 0))
            {
                _toRevise.Enqueue(item.ItemId);
                _news.Release();
            }

            return;
        }

        if (_known.TryAdd(item.ItemId, 0))
        {
            _toRead.Enqueue(item.ItemId);
            _news.Release();
        }

        if (item is { Status: ItemStatus.InReview, RoundId: { } roundId } && _roundsSeen.TryAdd((item.ItemId, roundId), 0))
        {
            _toRate.Enqueue((item.ItemId, roundId));
            _news.Release();
        }
    }

    /// <summary>Runs one action; an exception is counted and logged, and the expert carries on with the next.</summary>
    private async Task<bool> ActAsync(string doing, Func<CancellationToken, Task> action, CancellationToken cancellation)
    {
        try
        {
            await action(cancellation).ConfigureAwait(false);
            _consecutiveErrors = 0;
            return true;
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
            return false;
        }
    }
}

using System.Collections.Concurrent;
using Quorum.Simulator.Planning;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Experts;

/// <summary>
/// One expert in their own browser: joins the panel, writes their share of the bank with reviews of others'
/// items in between, then reviews what is left until the panel has finished writing, and answers challenges
/// on their own items as the live view reports them. Every loop is bounded; the run's deadline cuts it short.
/// </summary>
public sealed class SimulatedExpert
{
    /// <summary>An expert who fails this many actions in a row stops (their browser has evidently lost the server).</summary>
    private const int MaxConsecutiveErrors = 5;

    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);

    private readonly HubSession _hub;
    private readonly PanelContext _panel;
    private readonly IReadOnlyList<WritingJob> _jobs;
    private readonly Guid _personId;
    private readonly ItemWriter _writer;
    private readonly ItemReviewer _reviewer;
    private readonly ChallengeResolver _resolver;
    private readonly Pacing _pacing;
    private readonly Random _random;

    // Filled by hub events (on SignalR's thread) and read by the expert's own task.
    private readonly ConcurrentQueue<Guid> _toReview = new();
    private readonly ConcurrentDictionary<Guid, byte> _known = new();
    private readonly ConcurrentDictionary<Guid, byte> _challenged = new();
    private readonly ConcurrentDictionary<Guid, int> _leftOpen = new();
    private readonly SemaphoreSlim _news = new(0);

    private int _consecutiveErrors;
    private int _reviews;

    public SimulatedExpert(HubSession hub, PanelContext panel, Guid personId, IReadOnlyList<WritingJob> jobs, int seed)
    {
        _hub = hub;
        _panel = panel;
        _personId = personId;
        _jobs = jobs;
        _random = new Random(seed);
        _pacing = new Pacing(panel.Pace, _random);
        var keystrokesPerBurst = _random.Next(panel.Habits.MinKeystrokesPerBurst, panel.Habits.MaxKeystrokesPerBurst + 1);
        var keyboard = new Keyboard(hub, panel, personId, _pacing, keystrokesPerBurst);
        _writer = new ItemWriter(hub, panel, _random, _pacing, keyboard);
        _reviewer = new ItemReviewer(hub, panel, _random, _pacing, keyboard);
        _resolver = new ChallengeResolver(hub, panel, _random, _pacing, panel.Habits.ResolveAsAuthor);

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
                _panel.Ledger.JobFinished();

                var reviews = _random.Next(_panel.Habits.MaxReviewsBetweenJobs + 1);
                for (var i = 0; i < reviews && !GaveUp; i++)
                {
                    await ResolveChallengesAsync(cancellation).ConfigureAwait(false);
                    await ReviewNextAsync(cancellation).ConfigureAwait(false);
                }
            }

            await ReviewUntilWrittenAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The run was stopped (Ctrl+C or its time limit): not this expert's error.
        }
        finally
        {
            // Jobs this expert will never write must not keep the others waiting for them.
            for (; jobsDone < _jobs.Count; jobsDone++)
            {
                _panel.Ledger.JobFinished();
            }
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

    /// <summary>After their own writing: reviews until the panel has written everything and nothing new is left.</summary>
    private async Task ReviewUntilWrittenAsync(CancellationToken cancellation)
    {
        var refreshedAfterWriting = false;

        // The count bound only backs up the deadline: each round reviews, resolves, or waits a second for news.
        var rounds = (_panel.ReviewBudget * 4) + 3_600;
        for (var round = 0; round < rounds && !GaveUp; round++)
        {
            cancellation.ThrowIfCancellationRequested();
            if (await ResolveChallengesAsync(cancellation).ConfigureAwait(false) || await ReviewNextAsync(cancellation).ConfigureAwait(false))
            {
                continue;
            }

            if (_panel.Ledger.AllWritten)
            {
                if (refreshedAfterWriting)
                {
                    return;
                }

                // One last look at the bank: catches items whose itemCreated event this browser missed.
                refreshedAfterWriting = true;
                await ActAsync("ListItems", RefreshBankAsync, cancellation).ConfigureAwait(false);
                continue;
            }

            await _news.WaitAsync(IdleWait, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Reviews the next unseen item; false when there is none (or the budget is spent).</summary>
    private async Task<bool> ReviewNextAsync(CancellationToken cancellation)
    {
        if (_reviews >= _panel.ReviewBudget || !_toReview.TryDequeue(out var itemId))
        {
            return false;
        }

        _reviews++;
        await ActAsync($"reviewing item {itemId}", ct => _reviewer.ReviewAsync(itemId, ct), cancellation).ConfigureAwait(false);
        return true;
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

    /// <summary>Queues someone else's item for review the first time this browser hears of it.</summary>
    private void Learn(ItemSummary item)
    {
        if (item.AuthorId != _personId && _known.TryAdd(item.ItemId, 0))
        {
            _toReview.Enqueue(item.ItemId);
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

using Microsoft.Extensions.Logging;
using Quorum.Contracts.Common;
using Quorum.Contracts.Items;
using Quorum.Contracts.Live;
using Quorum.Contracts.Panels;
using Quorum.Contracts.Rounds;
using Quorum.Domain.Consensus;
using Quorum.Grains.Live;

namespace Quorum.Grains.Rounds;

/// <summary>
/// One review round. Opening takes each item into review; closing asks each item to snapshot its ratings and apply
/// the rules the round was opened with, then keeps the results and the panel statistics. Closing is recorded as
/// begun before any item is asked, so a close interrupted by a crash resumes on the next activation (items answer
/// a repeated close from their snapshot).
/// </summary>
[GrainType("quorum.round")]
public sealed partial class RoundGrain(
    [PersistentState("round", StorageNames.Grains)] IPersistentState<RoundState> state,
    TimeProvider clock,
    ILogger<RoundGrain> logger) : Grain, IRoundGrain
{
    /// <summary>Items asked at once when opening or closing, so a large round does not flood the silo.</summary>
    private const int Parallelism = 64;

    private Task? closing;

    private Guid RoundId => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && state.State.Status == RoundStatus.Closing)
        {
            // Resume outside activation so that a slow item does not hold the activation up.
            this.RegisterGrainTimer(
                async () =>
                {
                    try
                    {
                        await FinishClose();
                    }
                    catch (Exception e)
                    {
                        LogResumeFailed(e, RoundId);
                    }
                },
                new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = false });
        }

        return Task.CompletedTask;
    }

    public async Task<Outcome<RoundView>> Open(RoundInit init)
    {
        ArgumentNullException.ThrowIfNull(init);
        if (state.RecordExists)
        {
            return new Problem(ProblemCodes.Conflict, "This round has been opened already.");
        }

        // Saved before any item enters: if this activation dies half way, the round exists and closing it
        // releases the items that did enter (the others answer a close with nothing).
        var s = state.State;
        s.PanelId = init.PanelId;
        s.Number = init.Number;
        s.Name = init.Name;
        s.ItemIds = [.. init.ItemIds];
        s.Settings = init.Settings;
        s.OpenedBy = init.OpenedBy;
        s.OpenedAt = init.At;
        s.Status = RoundStatus.Open;
        await state.SaveAsync(DeactivateOnIdle);

        var reference = new RoundRef(RoundId, init.Number, init.Name, init.Settings, init.OpenedBy, init.At, init.PanelId);
        var entries = await ForEach(init.ItemIds, id => GrainFactory.GetGrain<IItemGrain>(id).EnterRound(reference));
        var entered = init.ItemIds.Where((_, i) => entries[i].Entered is not null).ToList();
        var refused = init.ItemIds
            .Select((id, i) => (id, entry: entries[i]))
            .Where(x => x.entry.Entered is null)
            .Select(x => new RoundRefusal(x.id, x.entry.Title, x.entry.Problems))
            .ToList();
        if (entered.Count == 0)
        {
            await state.ClearStateAsync();
            return new Problem(ProblemCodes.Invalid, refused.Count == 0
                ? "The round would have no items."
                : $"None of the {refused.Count} items could enter the round: {Describe(refused[0])}", "itemIds");
        }

        s.ItemIds = entered;
        s.Refused = refused;
        await state.SaveAsync(DeactivateOnIdle);
        return Outcome.Of(View());
    }

    public async Task<Outcome<RoundView>> Get(Guid caller) =>
        await Authorize(caller) is { Problem: { } denied } ? denied : Outcome.Of(View());

    public async Task<Outcome<RoundView>> Close(Guid caller)
    {
        var (denied, access) = await Authorize(caller);
        if (access is null)
        {
            return denied!;
        }

        if (!access.IsFacilitator)
        {
            return Problem.Forbidden("Only the panel's facilitators can close a round.");
        }

        if (state.State.Status == RoundStatus.Closed)
        {
            return new Problem(ProblemCodes.Closed, $"\"{state.State.Name}\" closed on {state.State.ClosedAt:d MMMM yyyy, HH:mm} UTC; a closed round does not change.");
        }

        if (state.State.Status == RoundStatus.Open)
        {
            state.State.Status = RoundStatus.Closing;
            state.State.ClosedBy = caller;
            state.State.ClosedByName = access.Name;
            await state.SaveAsync(DeactivateOnIdle);
            await Announce();
        }

        await FinishClose();
        return Outcome.Of(View());
    }

    public async Task<Outcome<PanelStatistics>> StatisticsFor(Guid caller, IReadOnlyList<Guid> itemIds)
    {
        if (await Authorize(caller) is { Problem: { } denied })
        {
            return denied;
        }

        if (state.State.Status != RoundStatus.Closed)
        {
            return new Problem(ProblemCodes.Closed, "The round is still open; its statistics are shown once it has closed.");
        }

        if (itemIds is null || itemIds.Count == 0 || itemIds.Count > state.State.ItemIds.Count)
        {
            return Problem.Invalid("itemIds", $"Choose 1 to {state.State.ItemIds.Count} of the round's items.");
        }

        var inRound = state.State.ItemIds.ToHashSet();
        foreach (var id in itemIds)
        {
            if (!inRound.Contains(id))
            {
                return Problem.Invalid("itemIds", $"Item {id} was not in this round.");
            }
        }

        var closed = (await ForEach([.. itemIds.Distinct()], id => GrainFactory.GetGrain<IItemGrain>(id).ClosedRound(RoundId)))
            .OfType<ItemRoundClose>()
            .Select(Rated)
            .ToList();
        return Outcome.Of(PanelStatistics.Compute(closed, state.State.Settings.Instruments));
    }

    private Task FinishClose() => closing ??= CloseItems();

    private async Task CloseItems()
    {
        try
        {
            var s = state.State;
            var closed = (await ForEach(s.ItemIds, id => GrainFactory.GetGrain<IItemGrain>(id).CloseRound(RoundId, s.ClosedBy, s.ClosedByName)))
                .OfType<ItemRoundClose>()
                .ToList();
            var rated = closed.Select(Rated).ToList();
            var byStatement = closed
                .GroupBy(c => c.Result.StatementId)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new StatementStatistics(g.Key, PanelStatistics.Compute([.. g.Select(Rated)], s.Settings.Instruments)))
                .ToList();
            s.Results = new RoundResults(closed.Select(c => c.Result).ToList(), PanelStatistics.Compute(rated, s.Settings.Instruments), byStatement);
            s.Status = RoundStatus.Closed;
            s.ClosedAt = clock.GetUtcNow();
            await state.SaveAsync(DeactivateOnIdle);
            await Announce();
        }
        finally
        {
            closing = null;
        }
    }

    private async Task Announce()
    {
        var summary = Summary();
        await Panel().RoundChanged(summary);
        LiveFeed.Publish(GrainFactory, LiveGroups.Panel(state.State.PanelId), LiveMethods.RoundChanged, summary);
    }

    private async Task<T[]> ForEach<T>(IReadOnlyList<Guid> ids, Func<Guid, Task<T>> call)
    {
        var results = new T[ids.Count];
        for (var start = 0; start < ids.Count; start += Parallelism)
        {
            var batch = Enumerable.Range(start, Math.Min(Parallelism, ids.Count - start)).ToList();
            var answers = await Task.WhenAll(batch.Select(i => call(ids[i])));
            for (var j = 0; j < batch.Count; j++)
            {
                results[batch[j]] = answers[j];
            }
        }

        return results;
    }

    private static string Describe(RoundRefusal refusal) =>
        $"\"{refusal.Title}\": {string.Join(" ", refusal.Problems.Select(p => p.Message))}";

    /// <summary>The caller's access through the round's panel; the problem instead when there is no round or they are not a member.</summary>
    private async Task<(Problem? Problem, PanelAccess? Access)> Authorize(Guid caller)
    {
        if (!state.RecordExists)
        {
            return (Problem.NotFound("There is no such round."), null);
        }

        var access = await Panel().GetAccess(caller);
        return access is null ? (Problem.Forbidden("You are not a member of this round's panel."), null) : (null, access);
    }

    private static RatedItem Rated(ItemRoundClose closed) => new(closed.Result.ItemId, closed.Result.IsQuestion, closed.Ratings);

    private IPanelGrain Panel() => GrainFactory.GetGrain<IPanelGrain>(state.State.PanelId);

    private RoundSummary Summary()
    {
        var s = state.State;
        return new RoundSummary(RoundId, s.Number, s.Name, s.Status, s.ItemIds.Count, s.OpenedAt, s.ClosedAt);
    }

    private RoundView View()
    {
        var s = state.State;
        return new RoundView(RoundId, s.PanelId, s.Number, s.Name, s.Status, [.. s.ItemIds], s.Settings, s.OpenedAt, s.ClosedAt, [.. s.Refused], s.Results);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Round {RoundId}: resuming an interrupted close failed; the next activation tries again.")]
    private partial void LogResumeFailed(Exception exception, Guid roundId);
}

[GenerateSerializer]
public sealed class RoundState
{
    [Id(0)] public Guid PanelId { get; set; }
    [Id(1)] public int Number { get; set; }
    [Id(2)] public string Name { get; set; } = string.Empty;
    [Id(3)] public List<Guid> ItemIds { get; set; } = [];
    /// <summary>
    /// A copy of the defaults, never the shared instance: grain storage fills an existing value in place when it reads
    /// a state, so a shared default would take every stored round's settings (and pass them to every new panel).
    /// </summary>
    [Id(4)] public ReviewSettings Settings { get; set; } = ReviewSettings.Defaults with { Rules = ConsensusRules.Defaults with { } };
    [Id(5)] public Guid OpenedBy { get; set; }
    [Id(6)] public DateTimeOffset OpenedAt { get; set; }
    [Id(7)] public RoundStatus Status { get; set; }
    [Id(8)] public Guid ClosedBy { get; set; }
    [Id(9)] public string ClosedByName { get; set; } = string.Empty;
    [Id(10)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(11)] public List<RoundRefusal> Refused { get; set; } = [];
    [Id(12)] public RoundResults? Results { get; set; }
}

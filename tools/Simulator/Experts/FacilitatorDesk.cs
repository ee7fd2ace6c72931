using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Experts;

/// <summary>
/// The simulator's own facilitator connection. It joins the panel like the live view does and counts the
/// items it hears of (so a run shows whether the live view would fill), may choose the panel's rating instruments
/// before anyone rates; when the experts are done it goes through the challenges still open and resolves some of
/// them with a note. (The review rounds are <see cref="RoundFacilitator"/>'s, on the same connection.)
/// </summary>
public sealed class FacilitatorDesk
{
    private readonly HubSession _hub;
    private readonly PanelContext _panel;
    private readonly ChallengeResolver _resolver;

    public FacilitatorDesk(HubSession hub, PanelContext panel, int seed)
    {
        _hub = hub;
        _panel = panel;
        var random = new Random(seed);
        _resolver = new ChallengeResolver(hub, panel, random, new Pacing(panel.Pace, random), panel.Habits.ResolveAsFacilitator);
        hub.OnItemCreated(_ => panel.Counters.ItemSeenLive());
    }

    public async Task JoinAsync(CancellationToken cancellation)
    {
        var joined = await _hub.JoinPanelAsync(_panel.PanelId, cancellation).ConfigureAwait(false);
        if (!joined.Ok)
        {
            throw new InvalidOperationException($"The facilitator could not join the panel: {joined.Error?.Code} {joined.Error?.Message}");
        }
    }

    /// <summary>Sets the instruments the panel rates on, keeping its consensus rules and pseudonymity.</summary>
    public async Task SetInstrumentsAsync(ReviewSettings current, IReadOnlyList<Instrument> instruments, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(current);
        var set = await _hub.SetReviewAsync(_panel.PanelId, current with { Instruments = instruments }, cancellation).ConfigureAwait(false);
        if (!set.Ok)
        {
            throw new InvalidOperationException($"The facilitator could not set the instruments: {set.Error?.Code} {set.Error?.Message}");
        }
    }

    /// <summary>One pass over the bank's open challenges (each item once, so it is bounded by the bank).</summary>
    public async Task ResolveOpenChallengesAsync(CancellationToken cancellation)
    {
        var bank = await _hub.ListItemsAsync(_panel.PanelId, cancellation).ConfigureAwait(false);
        if (!bank.Ok)
        {
            return;
        }

        foreach (var item in bank.Value!.Items.Where(i => i.OpenChallenges > 0).OrderBy(i => i.CreatedAt))
        {
            try
            {
                await _resolver.ResolveAsync(item.ItemId, cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
            {
                _panel.Counters.Failed();
                _panel.Log.Error(_hub.Who, $"resolving challenges on item {item.ItemId}", e);
                if (_hub.IsClosed)
                {
                    return;
                }
            }
        }
    }
}

using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Experts;

/// <summary>
/// An author revising an item the panel sent back: opens it (its text may be edited again), reads the last round's
/// feedback (the rules it failed and the reasons, without names), types a sentence or two onto the end of the stem
/// or vignette and, for a question, of the rationale, changes the key when the panel doubted it, and tells the
/// facilitator the item is ready for the next round. A lock stops the revision: the item is no longer the author's
/// to change.
/// </summary>
public sealed class ItemReviser(HubSession hub, PanelContext panel, Random random, Pacing pacing, Keyboard keyboard)
{
    public async Task ReviseAsync(Guid itemId, CancellationToken cancellation)
    {
        var revised = false;
        try
        {
            revised = await TryReviseAsync(itemId, cancellation).ConfigureAwait(false);
        }
        finally
        {
            if (!revised)
            {
                panel.Rounds.Declined(itemId);
            }
        }
    }

    private async Task<bool> TryReviseAsync(Guid itemId, CancellationToken cancellation)
    {
        var opened = await hub.OpenItemAsync(itemId, cancellation).ConfigureAwait(false);
        if (!opened.Ok)
        {
            return false;
        }

        var view = opened.Value!;
        var isScenario = view.Summary.Kind == ItemKind.Scenario;
        var feedback = view.Review.Previous;

        // Drawn up front, whatever the server answers, so a seed gives the same choices.
        var mainTyping = panel.Traces.StartTyping(random, random.Next(40, 200), Keyboard.MaxOwnLength(isScenario ? FieldNames.Vignette : FieldNames.Stem));
        var touchRationale = random.NextDouble() < 0.6;
        var rationaleTyping = panel.Traces.StartTyping(random, random.Next(40, 200), Keyboard.MaxOwnLength(FieldNames.Rationale));
        var newKeys = ItemWriter.Keys(random, view.Summary.Kind);

        if (view.Summary.Status != ItemStatus.NeedsRevision || feedback is null)
        {
            await hub.LeaveItemAsync(itemId, cancellation).ConfigureAwait(false);
            return false;
        }

        // Reading the feedback: the failed rules and every reason given.
        await pacing.PauseAsync(cancellation, 2 + Math.Min(feedback.Reasons.Count, 8)).ConfigureAwait(false);
        var failed = feedback.Decision.Checks.Where(c => !c.Met).Select(c => c.Rule).ToHashSet(StringComparer.Ordinal);

        var typed = await keyboard.AppendAsync(itemId, view.TextField(isScenario ? FieldNames.Vignette : FieldNames.Stem), mainTyping, cancellation).ConfigureAwait(false);
        if (!isScenario && !typed.Locked && (touchRationale || failed.Contains("key")))
        {
            typed = await keyboard.AppendAsync(itemId, view.TextField(FieldNames.Rationale), rationaleTyping, cancellation).ConfigureAwait(false);
        }

        if (!isScenario && !typed.Locked && failed.Contains("key") && !newKeys.SequenceEqual(view.Keys))
        {
            // The panel doubted the key: the author settles on another answer.
            await hub.SetKeysAsync(itemId, view.KeysRevision, newKeys, cancellation).ConfigureAwait(false);
        }

        await hub.LeaveItemAsync(itemId, cancellation).ConfigureAwait(false);
        if (typed.Locked)
        {
            return false;
        }

        panel.Counters.Revised();
        panel.Rounds.Ready(itemId, view.Summary.StatementId, revised: true);
        return true;
    }
}

using Quorum.Simulator.Server;

namespace Quorum.Simulator.Experts;

/// <summary>
/// Resolving challenges with a note, as an item's author or the facilitator may. Each open challenge is
/// weighed once: one left open stays open for this person, so going back to an item does not reroll.
/// </summary>
public sealed class ChallengeResolver(HubSession hub, PanelContext panel, Random random, Pacing pacing, double chance)
{
    private readonly HashSet<Guid> _weighed = [];

    /// <summary>Goes through the item's open challenges; returns how many remain open afterwards.</summary>
    public async Task<int> ResolveAsync(Guid itemId, CancellationToken cancellation)
    {
        var opened = await hub.OpenItemAsync(itemId, cancellation).ConfigureAwait(false);
        if (!opened.Ok)
        {
            return 0;
        }

        var stillOpen = 0;
        foreach (var summary in opened.Value!.Threads.Where(t => t.OpenChallenges > 0))
        {
            var thread = await hub.GetThreadAsync(summary.ThreadId, cancellation).ConfigureAwait(false);
            if (!thread.Ok)
            {
                continue;
            }

            foreach (var comment in thread.Value!.Comments.Where(c => c.IsChallenge && c.Resolution is null))
            {
                if (!_weighed.Add(comment.CommentId) || random.NextDouble() >= chance)
                {
                    stillOpen++;
                    continue;
                }

                var note = panel.Traces.Snippet(random, 20, 200);
                var resolved = await hub.ResolveChallengeAsync(summary.ThreadId, comment.CommentId, note, cancellation).ConfigureAwait(false);
                if (resolved.Ok)
                {
                    panel.Counters.Resolved();
                }
                else
                {
                    stillOpen++;
                }

                await pacing.PauseAsync(cancellation).ConfigureAwait(false);
            }
        }

        await hub.LeaveItemAsync(itemId, cancellation).ConfigureAwait(false);
        return stillOpen;
    }
}

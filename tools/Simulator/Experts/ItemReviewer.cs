using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Experts;

/// <summary>
/// An expert reviewing someone else's item: opens it, reads, sometimes puts a sentence of their own in front of
/// its stem or vignette (often while its author is still typing there), sometimes starts a thread (some of them
/// challenges) or replies in one, and usually rates it.
/// </summary>
public sealed class ItemReviewer(HubSession hub, PanelContext panel, Random random, Pacing pacing, Keyboard keyboard)
{
    public async Task ReviewAsync(Guid itemId, CancellationToken cancellation)
    {
        var opened = await hub.OpenItemAsync(itemId, cancellation).ConfigureAwait(false);
        if (!opened.Ok)
        {
            return;
        }

        var view = opened.Value!;
        var habits = panel.Habits;

        // Every decision is drawn up front, whatever the server answers, so a seed gives the same choices.
        var addText = random.NextDouble() < habits.AddToText;
        var startThread = random.NextDouble() < habits.StartThread;
        var challenge = random.NextDouble() < habits.ChallengeShare;
        var reply = random.NextDouble() < habits.Reply;
        var rate = random.NextDouble() < habits.Rate;

        // Reading takes longer than clicking.
        await pacing.PauseAsync(cancellation, 2).ConfigureAwait(false);

        if (addText)
        {
            await AddToTextAsync(view, cancellation).ConfigureAwait(false);
        }

        if (startThread)
        {
            var started = await hub.StartThreadAsync(itemId, CommentText(), challenge, cancellation).ConfigureAwait(false);
            if (started.Ok)
            {
                panel.Counters.Commented(challenge);
            }

            await pacing.PauseAsync(cancellation).ConfigureAwait(false);
        }

        if (reply && view.Threads.Count > 0)
        {
            await ReplyAsync(view.Threads[random.Next(view.Threads.Count)].ThreadId, cancellation).ConfigureAwait(false);
        }

        if (rate && view.MyRating is null && !view.Summary.ReviewClosed)
        {
            var rating = RatingChoice.Draw(random, hasKey: view.Summary.Kind != ItemKind.Scenario, () => panel.Traces.Snippet(random, 30, 200));
            var rated = await hub.RateAsync(itemId, rating, cancellation).ConfigureAwait(false);
            if (rated.Ok)
            {
                panel.Counters.Rated();
            }

            await pacing.PauseAsync(cancellation).ConfigureAwait(false);
        }

        await hub.LeaveItemAsync(itemId, cancellation).ConfigureAwait(false);
    }

    /// <summary>Types a sentence or two in front of the item's stem (a scenario's vignette), unless it is long already.</summary>
    private async Task AddToTextAsync(ItemView view, CancellationToken cancellation)
    {
        var field = view.TextField(view.Summary.Kind == ItemKind.Scenario ? FieldNames.Vignette : FieldNames.Stem);
        var typing = panel.Traces.StartTyping(random, random.Next(40, 200), Keyboard.MaxOwnLength(field.Field));
        if (field.Text.Length >= Limits.ForField(field.Field) / 2)
        {
            return;
        }

        await keyboard.PrefaceAsync(view.Summary.ItemId, field, typing, cancellation).ConfigureAwait(false);
        panel.Counters.AddedToText();
        await pacing.PauseAsync(cancellation).ConfigureAwait(false);
    }

    private async Task ReplyAsync(Guid threadId, CancellationToken cancellation)
    {
        var thread = await hub.GetThreadAsync(threadId, cancellation).ConfigureAwait(false);
        if (!thread.Ok || thread.Value!.Comments.Count == 0)
        {
            return;
        }

        var comments = thread.Value.Comments;
        var parent = comments[random.Next(comments.Count)];
        var replied = await hub.CommentAsync(threadId, parent.CommentId, CommentText(), false, cancellation).ConfigureAwait(false);
        if (replied.Ok)
        {
            panel.Counters.Commented(false);
        }

        await pacing.PauseAsync(cancellation).ConfigureAwait(false);
    }

    private string CommentText() => panel.Traces.Snippet(random, 40, 280);
}

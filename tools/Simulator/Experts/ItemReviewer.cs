using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Experts;

/// <summary>
/// An expert reviewing someone else's item: opens it and reads. At the first look they sometimes put a sentence of
/// their own in front of its stem or vignette while its text may still be edited (sometimes while its author is
/// still typing there), and sometimes start a thread (some of them challenges); at any look they may reply in a thread.
/// When the item is in an open round they usually rate it on the round's instruments, after reading the previous
/// round's feedback if it has been back for revision; otherwise they tell the facilitator they pass.
/// </summary>
public sealed class ItemReviewer(HubSession hub, PanelContext panel, Random random, Pacing pacing, Keyboard keyboard)
{
    /// <param name="firstLook">The expert has not opened this item before.</param>
    public async Task ReviewAsync(Guid itemId, bool firstLook, CancellationToken cancellation)
    {
        var opened = await hub.OpenItemAsync(itemId, cancellation).ConfigureAwait(false);
        if (!opened.Ok)
        {
            return;
        }

        var view = opened.Value!;
        var round = view.Review.RoundId is { } open && view.Review.MyRating is null ? open : (Guid?)null;
        var rated = false;
        try
        {
            rated = await ReviewAsync(view, firstLook, round, cancellation).ConfigureAwait(false);
        }
        finally
        {
            if (round is { } roundId && !rated)
            {
                panel.Rounds.Passed(roundId, itemId);
            }
        }
    }

    /// <summary>Reads, writes and rates; true when a rating was recorded in <paramref name="round"/>.</summary>
    private async Task<bool> ReviewAsync(ItemView view, bool firstLook, Guid? round, CancellationToken cancellation)
    {
        var itemId = view.Summary.ItemId;
        var habits = panel.Habits;

        // Every decision is drawn up front, whatever the server answers, so a seed gives the same choices.
        var addText = random.NextDouble() < habits.AddToText;
        var startThread = random.NextDouble() < habits.StartThread;
        var challenge = random.NextDouble() < habits.ChallengeShare;
        var reply = random.NextDouble() < habits.Reply;
        var rate = random.NextDouble() < habits.Rate;

        // Reading takes longer than clicking; the last round's feedback on an item back for revision takes a little more.
        await pacing.PauseAsync(cancellation, view.Review.Previous is null ? 2 : 3).ConfigureAwait(false);

        // Only while the item is written or revised: in review and after, its text is locked.
        if (firstLook && addText && view.Summary.IsEditable)
        {
            await AddToTextAsync(view, cancellation).ConfigureAwait(false);
        }

        if (firstLook && startThread)
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

        var rated = false;

        // A scenario on a panel that rates only the key and Angoff has nothing to rate: the expert passes.
        if (rate && round is not null && view.Review.Instruments.Count > 0)
        {
            // The round's instruments are the ones that apply to this item (a scenario has no key to judge). An item back
            // after revision shows the last round's distribution and reasons, which this expert has just read.
            var rating = RatingChoice.Draw(random, view.Review.Instruments, view.Review.Previous, () => panel.Traces.Snippet(random, 30, 200));
            var answer = await hub.RateAsync(itemId, rating, cancellation).ConfigureAwait(false);
            if (answer.Ok)
            {
                rated = true;
                panel.Counters.Rated();
            }
            else if (answer.Error?.Code == ProblemCodes.Closed)
            {
                // The facilitator closed the round while this expert was reading.
                panel.Counters.RatedLate();
            }

            await pacing.PauseAsync(cancellation).ConfigureAwait(false);
        }

        await hub.LeaveItemAsync(itemId, cancellation).ConfigureAwait(false);
        return rated;
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

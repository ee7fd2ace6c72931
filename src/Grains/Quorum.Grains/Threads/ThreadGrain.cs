using Quorum.Contracts.Common;
using Quorum.Contracts.Items;
using Quorum.Contracts.Live;
using Quorum.Contracts.Panels;
using Quorum.Contracts.Threads;
using Quorum.Domain;
using Quorum.Grains.Live;

namespace Quorum.Grains.Threads;

/// <summary>
/// A discussion thread. A challenge stays open until the item's author or a facilitator resolves it
/// with a note; the thread reports its counts to the item after every change.
/// </summary>
[GrainType("quorum.thread")]
public sealed class ThreadGrain(
    [PersistentState("thread", StorageNames.Grains)] IPersistentState<ThreadState> state,
    TimeProvider clock) : Grain, IThreadGrain
{
    private Guid ThreadId => this.GetPrimaryKey();

    public async Task<ThreadView> Start(ThreadInit init)
    {
        if (state.RecordExists)
        {
            throw new InvalidOperationException($"Thread {ThreadId} is already started.");
        }

        state.State.PanelId = init.PanelId;
        state.State.ItemId = init.ItemId;
        state.State.ItemAuthorId = init.ItemAuthorId;
        state.State.Comments.Add(new CommentView(Guid.NewGuid(), null, init.AuthorId, init.AuthorName, init.Text, init.IsChallenge, init.At, null));
        await state.SaveAsync(DeactivateOnIdle);
        return View();
    }

    public async Task<Outcome<ThreadView>> Get(Guid caller)
    {
        var (problem, _) = await Authorize(caller);
        return problem ?? Outcome.Of(View());
    }

    public async Task<Outcome<ThreadView>> Comment(Guid caller, Guid? parentId, string text, bool isChallenge)
    {
        var (problem, access) = await Authorize(caller);
        if (access is null)
        {
            return problem ?? Problem.Forbidden("You are not a member of this thread's panel.");
        }

        if (Text.Check("text", text, Limits.CommentLength, required: true, "The comment") is { } invalid)
        {
            return Problem.Invalid(invalid);
        }

        if (parentId is { } parent && state.State.Comments.All(c => c.CommentId != parent))
        {
            return Problem.Invalid("parentId", "The comment you are replying to is not in this thread.");
        }

        if (state.State.Comments.Count >= Limits.CommentsPerThread)
        {
            return Problem.Invalid("text", $"A thread can hold at most {Limits.CommentsPerThread} comments; start a new thread.");
        }

        state.State.Comments.Add(new CommentView(Guid.NewGuid(), parentId, caller, access.Name, text, isChallenge, clock.GetUtcNow(), null));
        var view = await SaveAndAnnounce();
        GrainFactory.GetGrain<IPanelGrain>(state.State.PanelId).Contributed(caller, isChallenge).Ignore();
        return Outcome.Of(view);
    }

    public async Task<Outcome<ThreadView>> Resolve(Guid caller, Guid commentId, string note)
    {
        var (problem, access) = await Authorize(caller);
        if (access is null)
        {
            return problem ?? Problem.Forbidden("You are not a member of this thread's panel.");
        }

        if (!access.IsFacilitator && caller != state.State.ItemAuthorId)
        {
            return Problem.Forbidden("Only the item's author or a facilitator can resolve a challenge.");
        }

        if (Text.Check("note", note, Limits.ResolutionNoteLength, required: true, "The resolution note") is { } invalid)
        {
            return Problem.Invalid(invalid);
        }

        var index = state.State.Comments.FindIndex(c => c.CommentId == commentId);
        if (index < 0 || !state.State.Comments[index].IsChallenge)
        {
            return Problem.Invalid("commentId", "That comment is not a challenge in this thread.");
        }

        if (state.State.Comments[index].Resolution is not null)
        {
            return new Problem(ProblemCodes.Conflict, "That challenge is already resolved.");
        }

        state.State.Comments[index] = state.State.Comments[index] with
        {
            Resolution = new Resolution(caller, access.Name, note.Trim(), clock.GetUtcNow()),
        };
        return Outcome.Of(await SaveAndAnnounce());
    }

    private async Task<ThreadView> SaveAndAnnounce()
    {
        await state.SaveAsync(DeactivateOnIdle);
        var view = View();
        var first = state.State.Comments[0];
        var last = state.State.Comments.Max(c => c.Resolution?.At > c.At ? c.Resolution.At : c.At);
        await GrainFactory.GetGrain<IItemGrain>(state.State.ItemId).ThreadChanged(
            new ThreadSummary(ThreadId, Text.Opening(first.Text, 140), first.AuthorId, first.AuthorName, view.Comments.Count, view.OpenChallenges, last));
        LiveFeed.Publish(GrainFactory, LiveGroups.Item(state.State.ItemId), LiveMethods.ThreadChanged, view);
        return view;
    }

    private async Task<(Problem? Problem, PanelAccess? Access)> Authorize(Guid caller)
    {
        if (!state.RecordExists)
        {
            return (Problem.NotFound("There is no such thread."), null);
        }

        var access = await GrainFactory.GetGrain<IPanelGrain>(state.State.PanelId).GetAccess(caller);
        return access is null
            ? (Problem.Forbidden("You are not a member of this thread's panel."), null)
            : (null, access);
    }

    private ThreadView View() => new(
        ThreadId,
        state.State.ItemId,
        [.. state.State.Comments],
        state.State.Comments.Count(c => c.IsChallenge && c.Resolution is null));
}

[GenerateSerializer]
public sealed class ThreadState
{
    [Id(0)] public Guid PanelId { get; set; }
    [Id(1)] public Guid ItemId { get; set; }
    [Id(2)] public Guid ItemAuthorId { get; set; }
    [Id(3)] public List<CommentView> Comments { get; set; } = [];
}

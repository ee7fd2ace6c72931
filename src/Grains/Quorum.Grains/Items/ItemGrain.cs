using Microsoft.Extensions.Logging;
using System.Globalization;
using Quorum.Contracts.Common;
using Quorum.Contracts.Editing;
using Quorum.Contracts.Items;
using Quorum.Contracts.Live;
using Quorum.Contracts.Panels;
using Quorum.Contracts.Rounds;
using Quorum.Contracts.Threads;
using Quorum.Domain;
using Quorum.Domain.Consensus;
using Quorum.Domain.Items;
using Quorum.Grains.Live;

namespace Quorum.Grains.Items;

/// <summary>
/// An item and its rating logic. Every field carries a revision; a write based on an older revision is
/// refused with the current text, so no edit is silently lost. Rights are checked against the panel on
/// every call (a removed member loses access at once).
/// </summary>
[GrainType("quorum.item")]
public sealed partial class ItemGrain(
    [PersistentState("item", StorageNames.Grains)] IPersistentState<ItemState> state,
    IRatingJournal journal,
    TimeProvider clock,
    ILogger<ItemGrain> logger) : Grain, IItemGrain
{
    public const string KeysField = "keys";
    public const string StatementField = "statement";
    private const int TitleLength = 140;

    /// <summary>Ratings between snapshots of the state: the replay at activation stays under this many.</summary>
    internal const int SnapshotEvery = 200;

    private int unsavedRatings;
    private ItemLive? live;
    private (Guid RoundId, string[] Reasons)? previousReasons;

    private Guid ItemId => this.GetPrimaryKey();

    /// <summary>
    /// Between <see cref="SnapshotEvery"/> and twice that, fixed per item: items rated at the same pace would otherwise
    /// all write their snapshots in the same moment, queueing in front of the rating journal's commits.
    /// </summary>
    private int SnapshotAfter => SnapshotEvery + (int)((uint)ItemId.GetHashCode() % SnapshotEvery);

    private bool IsQuestion => state.State.Kind != ItemKind.Scenario;

    private IPanelGrain Panel => GrainFactory.Reference<IPanelGrain>(state.State.PanelId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            return;
        }

        // The state is a snapshot; the journal has every rating acknowledged since.
        foreach (var recorded in await journal.ReadAsync(ItemId, state.State.RatingSeq, cancellationToken))
        {
            Apply(recorded);
            unsavedRatings++;
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (unsavedRatings > 0 && state.RecordExists)
        {
            try
            {
                await state.WriteStateAsync(cancellationToken);
            }
            catch (Exception e)
            {
                // Nothing is lost: the journal has every rating, the next activation replays a little more.
                LogSnapshotFailed(e, ItemId);
            }
        }
    }

    public async Task<ItemView> Initialize(ItemInit init)
    {
        if (state.RecordExists)
        {
            throw new InvalidOperationException($"Item {ItemId} is already initialised.");
        }

        var draft = init.Draft;
        var s = state.State;
        s.PanelId = init.PanelId;
        s.Kind = draft.Kind;
        s.Status = ItemStatus.Draft;
        s.StatementId = draft.StatementId;
        s.StatementRevision = 1;
        s.AuthorId = init.AuthorId;
        s.AuthorName = init.AuthorName;
        s.ScenarioId = draft.ScenarioId;
        s.Keys = [.. draft.Keys ?? []];
        s.KeysRevision = 1;
        s.CreatedAt = s.UpdatedAt = init.CreatedAt;
        foreach (var field in ItemFields.For(draft.Kind))
        {
            var text = InitialText(draft, field);
            s.Fields[field] = new FieldRecord
            {
                Text = text,
                Revision = text.Length == 0 ? 0 : 1, // the field grain's first edit, when there is a first text

                EditedBy = init.AuthorId,
                EditedByName = init.AuthorName,
                EditedAt = init.CreatedAt,
            };
        }

        await state.SaveAsync(DeactivateOnIdle);

        // Imported items leave their field grains to the first opening, so a large import writes one row per item.
        var fields = init.DeferFields
            ? [.. s.Fields.Select(f => new FieldState(f.Key, f.Value.Text, f.Value.Revision, init.AuthorId, init.AuthorName, init.CreatedAt, ItemId))]
            : await Task.WhenAll(s.Fields.Select(f => FieldGrain(f.Key).Initialize(
                new FieldInit(s.PanelId, init.AuthorId, init.AuthorName, f.Value.Text, init.CreatedAt))));
        return View(init.AuthorId, new PanelAccess(init.PanelId, init.AuthorId, PanelRole.Expert, init.AuthorName, string.Empty), fields, await Missing());
    }

    public async Task<Outcome<ItemView>> Get(Guid caller)
    {
        var access = await Authorize(caller);
        if (access.Problem is { } denied)
        {
            return denied;
        }

        var fields = await CurrentFields();

        // The copy here trails the field grains by up to a second, and a crash can lose that second: catch up.
        await Follow(fields);
        return Outcome.Of(View(caller, access.Access!, fields, ItemLifecycle.IsEditable(state.State.Status) ? await Missing() : []));
    }

    /// <summary>Takes in the fields' newer texts (for the title and summaries); saves and tells the panel when any changed.</summary>
    private async Task Follow(IReadOnlyList<FieldState> fields)
    {
        if (!state.RecordExists)
        {
            return;
        }

        var titleBefore = Title();
        var changed = false;
        foreach (var field in fields)
        {
            if (state.State.Fields.TryGetValue(field.Field, out var record) && field.Revision > record.Revision)
            {
                record.Text = field.Text;
                record.Revision = field.Revision;
                record.EditedBy = field.EditedBy;
                record.EditedByName = field.EditedByName ?? record.EditedByName;
                record.EditedAt = field.EditedAt;
                state.State.UpdatedAt = field.EditedAt ?? clock.GetUtcNow();
                changed = true;
            }
        }

        if (!changed)
        {
            return;
        }

        await state.SaveAsync(DeactivateOnIdle);
        if (Title() != titleBefore)
        {
            PublishSummary();
        }
    }

    public Task FieldChanged(FieldState changed) => Follow([changed]);

    public async Task<Outcome<PresenceView>> Presence(Guid caller, PresenceUpdate update)
    {
        var access = await Authorize(caller);
        if (access.Problem is { } denied)
        {
            return denied;
        }

        if (update.Field is not null && !state.State.Fields.ContainsKey(update.Field))
        {
            return Problem.Invalid("field", $"This item has no field called '{update.Field}'.");
        }

        var view = new PresenceView(ItemId, update.ClientId, caller, access.Access!.Name, update.Field, update.Revision, update.Anchor, update.Head, update.Left, clock.GetUtcNow());
        LiveFeed.Publish(GrainFactory, LiveGroups.Item(ItemId), LiveMethods.Presence, view);
        return Outcome.Of(view);
    }

    public async Task<Outcome<FieldState>> SetKeys(Guid caller, int baseRevision, IReadOnlyList<int> keys)
    {
        var access = await Authorize(caller);
        if (access.Problem is { } denied)
        {
            return denied;
        }

        if (state.State.Kind == ItemKind.Scenario)
        {
            return Problem.Invalid("keys", "A scenario has no keys.");
        }

        if (LockReason() is { } keysLocked)
        {
            // Experts rate whether the key is right: it must not change under them, any more than the text.
            return new Problem(ProblemCodes.Locked, keysLocked, "keys");
        }

        if (ItemDraft.CheckKeys(state.State.Kind, keys) is { } problem)
        {
            return Problem.Invalid(problem);
        }

        if (baseRevision != state.State.KeysRevision)
        {
            return Stale(KeysState());
        }

        state.State.Keys = [.. keys.Order()];
        state.State.KeysRevision++;
        state.State.UpdatedAt = clock.GetUtcNow();
        await state.SaveAsync(DeactivateOnIdle);
        var changed = KeysState() with { EditedBy = caller, EditedByName = access.Access!.Name, EditedAt = state.State.UpdatedAt };
        LiveFeed.Publish(GrainFactory, LiveGroups.Item(ItemId), LiveMethods.FieldChanged, changed);
        return Outcome.Of(changed);
    }

    public async Task<Outcome<FieldState>> SetStatement(Guid caller, int baseRevision, string statementId)
    {
        var access = await Authorize(caller);
        if (access.Problem is { } denied)
        {
            return denied;
        }

        if (LockReason() is { } statementLocked)
        {
            return new Problem(ProblemCodes.Locked, statementLocked, "statementId");
        }

        if (string.IsNullOrEmpty(statementId) ||
            !await Panel.HasStatement(statementId))
        {
            return Problem.Invalid("statementId", "Tag the item to one statement of the panel's framework.");
        }

        if (baseRevision != state.State.StatementRevision)
        {
            return Stale(StatementState());
        }

        state.State.StatementId = statementId;
        state.State.StatementRevision++;
        state.State.UpdatedAt = clock.GetUtcNow();
        await state.SaveAsync(DeactivateOnIdle);
        var changed = StatementState() with { EditedBy = caller, EditedByName = access.Access!.Name, EditedAt = state.State.UpdatedAt };
        LiveFeed.Publish(GrainFactory, LiveGroups.Item(ItemId), LiveMethods.FieldChanged, changed);
        PublishSummary();
        return Outcome.Of(changed);
    }

    public async Task<Outcome<ItemReview>> Rate(Guid caller, Rating rating)
    {
        var access = await Authorize(caller);
        if (access.Problem is { } denied)
        {
            return denied;
        }

        if (access.Access!.IsFacilitator)
        {
            return Problem.Forbidden("Facilitators do not rate items; ratings come from the panel's experts.");
        }

        if (state.State.CurrentRound is not { } round)
        {
            return new Problem(ProblemCodes.Closed, "This item is not in an open review round, so it cannot be rated now.");
        }

        if (rating is null)
        {
            return Problem.Invalid("rating", "A rating is required.");
        }

        if (rating.Validate(round.Settings.Instruments, IsQuestion) is { } problem)
        {
            return Problem.Invalid(problem);
        }

        var normalised = rating with { Reason = string.IsNullOrWhiteSpace(rating.Reason) ? null : rating.Reason.Trim() };
        var first = !state.State.Ratings.ContainsKey(caller);
        var recorded = new RecordedRating(ItemId, state.State.RatingSeq + 1, round.RoundId, caller, normalised, clock.GetUtcNow());
        try
        {
            await journal.AppendAsync(recorded);
        }
        catch (Exception e)
        {
            // Not on disk, so not applied; and if another activation took the number, this one is stale.
            LogRatingNotStored(e, ItemId);
            DeactivateOnIdle();
            return new Problem(ProblemCodes.NotSaved, "Your rating could not be saved just now; nothing was recorded. Please send it again.");
        }

        Apply(recorded);
        if (++unsavedRatings >= SnapshotAfter)
        {
            await SaveRatingsSnapshot();
        }

        var summary = Summary();
        Panel.ItemRated(summary, caller, first).Ignore();
        LiveFeed.Publish(GrainFactory, LiveGroups.Facilitators(state.State.PanelId), LiveMethods.ItemReview, summary);
        return Outcome.Of(Review(caller, access.Access));
    }

    public async Task<Outcome<ItemReview>> GetReview(Guid caller)
    {
        var access = await Authorize(caller);
        return access.Problem is { } denied ? denied : Outcome.Of(Review(caller, access.Access!));
    }

    public async Task<RoundEntry> EnterRound(RoundRef round)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (!state.RecordExists)
        {
            return new RoundEntry(null, string.Empty, new[] { new InputProblem("itemId", "There is no such item.") });
        }

        var s = state.State;
        if (round.PanelId != s.PanelId)
        {
            // The panel checks this already; the item does not take it on trust.
            return new RoundEntry(null, string.Empty, new[] { new InputProblem("itemId", "The item belongs to another panel.") });
        }

        if (s.CurrentRound?.RoundId == round.RoundId)
        {
            return new RoundEntry(Summary(), Title(), []);
        }

        if (s.CurrentRound is { } other)
        {
            return new RoundEntry(null, Title(), new[] { new InputProblem("status", $"The item is already in the open round \"{other.Name}\".") });
        }

        if (!ItemLifecycle.CanEnterReview(s.Status))
        {
            return new RoundEntry(null, Title(), new[] { new InputProblem("status", $"A {ItemLifecycle.Describe(s.Status).ToLowerInvariant()} item cannot enter review.") });
        }

        // Lock first, then check: no edit can land between the check that the text is complete and the review.
        // The first read creates any field grain not created yet (imported items), so that the lock reaches it.
        await CurrentFields();
        await LockFields(ReviewLock);
        await Follow(await CurrentFields());
        var missing = await Missing();
        if (missing.Count > 0)
        {
            await LockFields();
            return new RoundEntry(null, Title(), missing);
        }

        s.History.Add(new StatusChange(s.Status, ItemStatus.InReview, round.OpenedBy, null, null, round.RoundId, false, round.At));
        s.Status = ItemStatus.InReview;
        s.CurrentRound = round;
        s.Ratings = [];
        s.Tally = new RatingTally();
        s.LastRatedAt = null;
        s.UpdatedAt = round.At;
        await state.SaveAsync(DeactivateOnIdle);
        unsavedRatings = 0;
        await LockFields();
        return new RoundEntry(PublishSummary(), Title(), []);
    }

    public async Task<ItemRoundClose?> CloseRound(Guid roundId, Guid closedBy, string closedByName)
    {
        var s = state.State;
        if (!state.RecordExists)
        {
            return null;
        }

        if (s.CurrentRound?.RoundId != roundId)
        {
            // Closed before (the round is resuming an interrupted close): answer from the snapshot.
            return Snapshot(roundId);
        }

        var round = s.CurrentRound;
        var statistics = s.Tally.Statistics();
        var decision = round.Settings.Rules.Evaluate(statistics, Instruments.For(round.Settings.Instruments, IsQuestion));
        var record = new ItemRoundRecord
        {
            RoundId = roundId,
            Name = round.Name,
            Ratings = new Dictionary<Guid, Rating>(s.Ratings),
            Statistics = statistics,
            Decision = decision,
            Outcome = decision.Agreed ? ItemStatus.Agreed : ItemStatus.NeedsRevision,
            ClosedAt = clock.GetUtcNow(),
            Stability = s.PastRounds.Count == 0 ? null : RoundStability.Compute(s.PastRounds[^1].Ratings, s.Ratings),
        };

        s.PastRounds.Add(record);
        s.History.Add(new StatusChange(ItemStatus.InReview, record.Outcome, closedBy, closedByName, null, roundId, false, record.ClosedAt));
        s.Status = record.Outcome;
        s.CurrentRound = null;
        s.Ratings = [];
        s.Tally = new RatingTally();
        s.UpdatedAt = record.ClosedAt;
        await state.SaveAsync(DeactivateOnIdle);
        unsavedRatings = 0;
        await LockFields();
        PublishSummary();
        return Snapshot(roundId);
    }

    public Task<ItemRoundClose?> ClosedRound(Guid roundId) => Task.FromResult(Snapshot(roundId));

    /// <summary>The item's part of a closed round, from its snapshot; null when it was not in that round.</summary>
    private ItemRoundClose? Snapshot(Guid roundId) =>
        state.State.PastRounds.FirstOrDefault(r => r.RoundId == roundId) is { } closed
            ? new ItemRoundClose(Result(closed), closed.Ratings)
            : null;

    public async Task<Outcome<ItemSummary>> SetStatus(Guid caller, ItemStatus status, string? reason)
    {
        var access = await Authorize(caller);
        if (access.Problem is { } denied)
        {
            return denied;
        }

        var s = state.State;
        var actor = new StatusActor(access.Access!.IsFacilitator, caller == s.AuthorId);
        if (ItemLifecycle.CheckManual(s.Status, status, actor, reason) is { } problem)
        {
            return problem.Field == "status" && !actor.IsFacilitator && !actor.IsAuthor
                ? Problem.Forbidden(problem.Message)
                : Problem.Invalid(problem);
        }

        var now = clock.GetUtcNow();
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        s.History.Add(new StatusChange(s.Status, status, caller, access.Access.Name, trimmed, null, ItemLifecycle.IsOverride(s.Status, status), now));
        s.Status = status;
        s.UpdatedAt = now;
        await state.SaveAsync(DeactivateOnIdle);
        await LockFields();
        return Outcome.Of(PublishSummary());
    }

    public async Task<Outcome<ThreadView>> StartThread(Guid caller, string text, bool isChallenge)
    {
        var access = await Authorize(caller);
        if (access.Problem is { } denied)
        {
            return denied;
        }

        if (Text.Check("text", text, Limits.CommentLength, required: true, "The comment") is { } problem)
        {
            return Problem.Invalid(problem);
        }

        if (state.State.Threads.Count >= Limits.ThreadsPerItem)
        {
            return Problem.Invalid("text", $"An item can have at most {Limits.ThreadsPerItem} threads; reply in an existing one.");
        }

        var threadId = Guid.NewGuid();
        var init = new ThreadInit(state.State.PanelId, ItemId, state.State.AuthorId, caller, access.Access!.Name, text, isChallenge, clock.GetUtcNow());
        var view = await GrainFactory.GetGrain<IThreadGrain>(threadId).Start(init);
        Panel.Contributed(caller, isChallenge).Ignore();
        state.State.Threads[threadId] = new ThreadSummary(threadId, Opening(text), caller, access.Access.Name, view.Comments.Count, view.OpenChallenges, init.At);
        state.State.UpdatedAt = init.At;
        await state.SaveAsync(DeactivateOnIdle);
        LiveFeed.Publish(GrainFactory, LiveGroups.Item(ItemId), LiveMethods.ThreadChanged, view);
        PublishSummary();
        return Outcome.Of(view);
    }

    public async Task ThreadChanged(ThreadSummary summary)
    {
        if (!state.State.Threads.ContainsKey(summary.ThreadId))
        {
            return;
        }

        state.State.Threads[summary.ThreadId] = summary;
        state.State.UpdatedAt = summary.LastActivity;
        await state.SaveAsync(DeactivateOnIdle);
        PublishSummary();
    }

    public async Task LinkQuestion(Guid itemId)
    {
        if (state.State.Kind != ItemKind.Scenario || state.State.LinkedItems.Contains(itemId))
        {
            return;
        }

        state.State.LinkedItems.Add(itemId);
        await state.SaveAsync(DeactivateOnIdle);
    }

    public Task<ItemSummary?> GetSummary() => Task.FromResult(state.RecordExists ? Summary() : null);

    private async Task<(Problem? Problem, PanelAccess? Access)> Authorize(Guid caller)
    {
        if (!state.RecordExists)
        {
            return (Problem.NotFound("There is no such item."), null);
        }

        var access = await Panel.GetAccess(caller);
        return access is null
            ? (Problem.Forbidden("You are not a member of this item's panel."), null)
            : (null, access);
    }

    private ItemSummary PublishSummary()
    {
        var summary = Summary();
        Panel.ItemChanged(summary).Ignore();
        // Experts get the summary without the open round's ratings (hidden until rated); facilitators get all of it.
        LiveFeed.Publish(GrainFactory, LiveGroups.Panel(state.State.PanelId), LiveMethods.ItemSummary, summary.ForExperts());
        if (summary.Live is not null)
        {
            LiveFeed.Publish(GrainFactory, LiveGroups.Facilitators(state.State.PanelId), LiveMethods.ItemReview, summary);
        }

        return summary;
    }

    private static Outcome<FieldState> Stale(FieldState current) => new(
        false,
        current,
        new Problem(ProblemCodes.Stale, $"{current.EditedByName ?? "Someone"} saved this field after you loaded it, so your change was not saved. The current text is shown; your text is kept for you to apply again.", current.Field));

    /// <summary>
    /// The fields as their grains hold them now. A field without a grain (an item from before character-level
    /// editing) gets one, seeded with the text this item kept.
    /// </summary>
    private async Task<FieldState[]> CurrentFields() =>
        await Task.WhenAll(state.State.Fields.Select(async f =>
            await FieldGrain(f.Key).Peek()
            ?? await FieldGrain(f.Key).Initialize(new FieldInit(state.State.PanelId, f.Value.EditedBy ?? state.State.AuthorId, f.Value.EditedByName ?? state.State.AuthorName, f.Value.Text, f.Value.EditedAt ?? state.State.CreatedAt, LockReason()))));

    private IFieldGrain FieldGrain(string field) => GrainFactory.GetGrain<IFieldGrain>(ItemId, field, null);

    private ItemView View(Guid caller, PanelAccess access, IReadOnlyList<FieldState> fields, IReadOnlyList<InputProblem> missing) => new(
        access.IsFacilitator ? Summary() : Summary().ForExperts(), // the open round's figures reach experts only through Review
        fields,
        [.. state.State.Keys],
        state.State.KeysRevision,
        state.State.StatementRevision,
        state.State.CurrentRound is null ? null : state.State.Ratings.GetValueOrDefault(caller),
        [.. state.State.Threads.Values.OrderBy(t => t.LastActivity)],
        [.. state.State.LinkedItems],
        Review(caller, access),
        [.. state.State.History],
        missing);

    private ItemSummary Summary()
    {
        var s = state.State;
        return new ItemSummary(
            ItemId, s.PanelId, s.Kind, s.Status, s.StatementId, s.AuthorId, s.AuthorName, Title(),
            s.Threads.Values.Sum(t => t.Comments),
            s.Threads.Values.Sum(t => t.OpenChallenges),
            s.CurrentRound?.RoundId, s.PastRounds.Count, s.ScenarioId, s.CreatedAt, s.UpdatedAt,
            s.PastRounds.LastOrDefault()?.Statistics,
            Live());
    }

    /// <summary>
    /// The open round's ratings as facilitators see them; null when the item is not in review. Built once per rating
    /// (the summary, the rater's answer and the dashboard all show the same view).
    /// </summary>
    private ItemLive? Live()
    {
        var s = state.State;
        if (s.CurrentRound is not { } round)
        {
            return null;
        }

        if (live is { } cached && cached.RoundId == round.RoundId && cached.RatingSeq == s.RatingSeq)
        {
            return cached;
        }

        var current = s.Tally.Statistics();
        var preview = round.Settings.Rules.Evaluate(current, Instruments.For(round.Settings.Instruments, IsQuestion));
        return live = new ItemLive(round.RoundId, current, preview, s.LastRatedAt ?? round.At, s.RatingSeq);
    }

    /// <summary>The last closed round's reasons, sorted so that their order says nothing about who gave them (built once per round).</summary>
    private IReadOnlyList<string> PreviousReasons(ItemRoundRecord last)
    {
        if (previousReasons is { } cached && cached.RoundId == last.RoundId)
        {
            return cached.Reasons;
        }

        var reasons = last.Ratings.Values.Select(r => r.Reason).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        previousReasons = (last.RoundId, reasons);
        return reasons;
    }

    /// <summary>
    /// The caller's view of the ratings: others' distribution only once they have rated in the open round (or as a
    /// facilitator); the last closed round's distribution and reasons, without names, for everyone.
    /// </summary>
    private ItemReview Review(Guid caller, PanelAccess access)
    {
        var s = state.State;
        var round = s.CurrentRound;
        var mine = round is null ? null : s.Ratings.GetValueOrDefault(caller);
        var sees = round is not null && (access.IsFacilitator || mine is not null);
        var live = sees ? Live() : null;
        RoundFeedback? previous = null;
        if (s.PastRounds.Count > 0)
        {
            var last = s.PastRounds[^1];
            previous = new RoundFeedback(last.RoundId, last.Name, last.Statistics, last.Decision, last.Outcome, PreviousReasons(last), last.Ratings.GetValueOrDefault(caller), last.ClosedAt);
        }

        return new ItemReview(
            ItemId,
            round?.RoundId,
            round?.Name,
            round is null ? [] : Instruments.For(round.Settings.Instruments, IsQuestion),
            mine,
            round is not null && !sees,
            live?.Current,
            live?.Preview,
            previous,
            round?.Settings.Disclosure() ?? [],
            s.RatingSeq);
    }

    private RoundItemResult Result(ItemRoundRecord record) =>
        new(ItemId, state.State.StatementId, IsQuestion, record.Statistics, record.Decision, record.Outcome, record.Stability);

    private void Apply(RecordedRating recorded)
    {
        var s = state.State;
        s.RatingSeq = recorded.Seq;
        if (s.CurrentRound?.RoundId != recorded.RoundId)
        {
            return; // a rating of a round this snapshot has already closed (cannot happen once the close is saved)
        }

        s.Ratings.TryGetValue(recorded.RaterId, out var previous);
        s.Tally.Replace(previous, recorded.Rating);
        s.Ratings[recorded.RaterId] = recorded.Rating;
        s.LastRatedAt = recorded.At;
        s.UpdatedAt = recorded.At;
    }

    private async Task SaveRatingsSnapshot()
    {
        try
        {
            await state.WriteStateAsync();
            unsavedRatings = 0;
        }
        catch (Exception e)
        {
            // The ratings are in the journal; a stale snapshot only lengthens the next replay. A conflict means
            // another activation exists, so this one steps aside.
            LogSnapshotFailed(e, ItemId);
            DeactivateOnIdle();
        }
    }

    /// <summary>The required fields still missing for the item to leave Draft.</summary>
    private async Task<IReadOnlyList<InputProblem>> Missing()
    {
        var s = state.State;
        var known = !string.IsNullOrEmpty(s.StatementId) && await Panel.HasStatement(s.StatementId);
        return ItemCompleteness.Missing(s.Kind, f => s.Fields.GetValueOrDefault(f)?.Text, s.Keys, s.StatementId, _ => known);
    }

    /// <summary>Text can be edited while the item is written or revised; in every other status its fields refuse edits.</summary>
    private Task LockFields() => LockFields(LockReason());

    private Task LockFields(string? reason) =>
        Task.WhenAll(state.State.Fields.Keys.Select(f => FieldGrain(f).SetLock(reason)));

    private const string ReviewLock = "The item is in review; its text is locked until the round closes.";

    private string? LockReason() => state.State.Status switch
    {
        ItemStatus.InReview => ReviewLock,
        ItemStatus.Agreed => "The panel has agreed this item; its text is locked. A facilitator can send it back for revision.",
        ItemStatus.Final => "This item is final; its text is locked.",
        ItemStatus.Withdrawn => "This item is withdrawn; its text is locked.",
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item {ItemId}: a rating could not be stored; it was refused and the activation is dropped.")]
    private partial void LogRatingNotStored(Exception exception, Guid itemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Item {ItemId}: the state snapshot could not be written; the journal still has every rating.")]
    private partial void LogSnapshotFailed(Exception exception, Guid itemId);

    private string Title()
    {
        var source = state.State.Fields.GetValueOrDefault(state.State.Kind == ItemKind.Scenario ? ItemFields.Vignette : ItemFields.Stem)?.Text ?? string.Empty;
        return Opening(source);
    }

    private static string Opening(string text) => Text.Opening(text, TitleLength);

    private FieldState KeysState() => new(KeysField, string.Join(',', state.State.Keys.Select(k => k.ToString(CultureInfo.InvariantCulture))), state.State.KeysRevision, null, null, null, ItemId);

    private FieldState StatementState() => new(StatementField, state.State.StatementId, state.State.StatementRevision, null, null, null, ItemId);

    private static string InitialText(ItemDraft draft, string field) => field switch
    {
        ItemFields.Stem => draft.Stem ?? string.Empty,
        ItemFields.Rationale => draft.Rationale ?? string.Empty,
        ItemFields.Vignette => draft.Vignette ?? string.Empty,
        _ => draft.Options?[int.Parse(field.AsSpan(ItemFields.OptionPrefix.Length), CultureInfo.InvariantCulture)] ?? string.Empty,
    };
}

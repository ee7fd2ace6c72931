using System.Globalization;
using Quorum.Contracts.Common;
using Quorum.Contracts.Editing;
using Quorum.Contracts.Items;
using Quorum.Contracts.Live;
using Quorum.Contracts.Panels;
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
public sealed class ItemGrain(
    [PersistentState("item", StorageNames.Grains)] IPersistentState<ItemState> state,
    TimeProvider clock) : Grain, IItemGrain
{
    public const string KeysField = "keys";
    public const string StatementField = "statement";
    private const int TitleLength = 140;

    private Guid ItemId => this.GetPrimaryKey();

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
        var fields = await Task.WhenAll(s.Fields.Select(f => FieldGrain(f.Key).Initialize(
            new FieldInit(s.PanelId, init.AuthorId, init.AuthorName, f.Value.Text, init.CreatedAt))));
        return View(init.AuthorId, fields);
    }

    public async Task<Outcome<ItemView>> Get(Guid caller)
    {
        if (await Authorize(caller) is { Problem: { } denied })
        {
            return denied;
        }

        var fields = await CurrentFields();

        // The copy here trails the field grains by up to a second, and a crash can lose that second: catch up.
        await Follow(fields);
        return Outcome.Of(View(caller, fields));
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

        if (string.IsNullOrEmpty(statementId) ||
            !await GrainFactory.GetGrain<IPanelGrain>(state.State.PanelId).HasStatement(statementId))
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

    public async Task<Outcome<RatingStatistics>> Rate(Guid caller, Rating rating)
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

        if (state.State.ReviewClosed)
        {
            return new Problem(ProblemCodes.Closed, "Review of this item is closed; ratings can no longer change.");
        }

        if (rating is null)
        {
            return Problem.Invalid("rating", "A rating is required.");
        }

        if (rating.Validate(Instruments.Defaults, isQuestion: state.State.Kind != ItemKind.Scenario) is { } problem)
        {
            return Problem.Invalid(problem);
        }

        var normalised = rating with { Reason = string.IsNullOrWhiteSpace(rating.Reason) ? null : rating.Reason.Trim() };
        state.State.Ratings.TryGetValue(caller, out var previous);
        state.State.Tally.Replace(previous, normalised);
        state.State.Ratings[caller] = normalised;
        state.State.UpdatedAt = clock.GetUtcNow();
        await state.SaveAsync(DeactivateOnIdle);

        PublishSummary();
        return Outcome.Of(state.State.Tally.Statistics());
    }

    public async Task<Outcome<ItemSummary>> SetReviewClosed(Guid caller, bool closed)
    {
        var access = await Authorize(caller);
        if (access.Problem is { } denied)
        {
            return denied;
        }

        if (!access.Access!.IsFacilitator)
        {
            return Problem.Forbidden("Only the panel's facilitators can close or reopen review.");
        }

        state.State.ReviewClosed = closed;
        state.State.UpdatedAt = clock.GetUtcNow();
        await state.SaveAsync(DeactivateOnIdle);
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

        var access = await GrainFactory.GetGrain<IPanelGrain>(state.State.PanelId).GetAccess(caller);
        return access is null
            ? (Problem.Forbidden("You are not a member of this item's panel."), null)
            : (null, access);
    }

    private ItemSummary PublishSummary()
    {
        var summary = Summary();
        GrainFactory.GetGrain<IPanelGrain>(state.State.PanelId).ItemChanged(summary).Ignore();
        LiveFeed.Publish(GrainFactory, LiveGroups.Panel(state.State.PanelId), LiveMethods.ItemSummary, summary);
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
            ?? await FieldGrain(f.Key).Initialize(new FieldInit(state.State.PanelId, f.Value.EditedBy ?? state.State.AuthorId, f.Value.EditedByName ?? state.State.AuthorName, f.Value.Text, f.Value.EditedAt ?? state.State.CreatedAt))));

    private IFieldGrain FieldGrain(string field) => GrainFactory.GetGrain<IFieldGrain>(ItemId, field, null);

    private ItemView View(Guid caller, IReadOnlyList<FieldState> fields) => new(
        Summary(),
        fields,
        [.. state.State.Keys],
        state.State.KeysRevision,
        state.State.StatementRevision,
        state.State.Ratings.GetValueOrDefault(caller),
        [.. state.State.Threads.Values.OrderBy(t => t.LastActivity)],
        [.. state.State.LinkedItems]);

    private ItemSummary Summary()
    {
        var s = state.State;
        return new ItemSummary(
            ItemId, s.PanelId, s.Kind, s.Status, s.StatementId, s.AuthorId, s.AuthorName, Title(),
            s.Threads.Values.Sum(t => t.Comments),
            s.Threads.Values.Sum(t => t.OpenChallenges),
            s.Tally.Statistics(), s.ReviewClosed, s.ScenarioId, s.CreatedAt, s.UpdatedAt);
    }

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

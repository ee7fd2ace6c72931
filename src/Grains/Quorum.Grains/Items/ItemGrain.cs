using System.Globalization;
using Quorum.Contracts.Common;
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
            s.Fields[field] = new FieldRecord
            {
                Text = InitialText(draft, field),
                Revision = 1,
                EditedBy = init.AuthorId,
                EditedByName = init.AuthorName,
                EditedAt = init.CreatedAt,
            };
        }

        await state.SaveAsync(DeactivateOnIdle);
        return View(init.AuthorId);
    }

    public async Task<Outcome<ItemView>> Get(Guid caller)
    {
        if (await Authorize(caller) is { Problem: { } denied })
        {
            return denied;
        }

        return Outcome.Of(View(caller));
    }

    public async Task<Outcome<FieldState>> EditText(Guid caller, string field, int baseRevision, string text)
    {
        var access = await Authorize(caller);
        if (access.Problem is { } denied)
        {
            return denied;
        }

        if (field is null || !state.State.Fields.TryGetValue(field, out var record))
        {
            return Problem.Invalid("field", $"This item has no field called '{field}'.");
        }

        if (text is null)
        {
            return Problem.Invalid(field, "The text is missing.");
        }

        var required = field is ItemFields.Stem or ItemFields.Vignette;
        if (Text.Check(field, text, ItemFields.MaxLength(field), required, FieldLabel(field)) is { } problem)
        {
            return Problem.Invalid(problem);
        }

        if (baseRevision != record.Revision)
        {
            return Stale(FieldStateOf(field, record));
        }

        Stamp(record, text, access.Access!);
        await state.SaveAsync(DeactivateOnIdle);
        var changed = FieldStateOf(field, record);
        LiveFeed.Publish(GrainFactory, LiveGroups.Item(ItemId), LiveMethods.FieldChanged, changed);
        if (required)
        {
            PublishSummary();
        }

        return Outcome.Of(changed);
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

        if (rating.Validate(itemHasKey: state.State.Kind != ItemKind.Scenario) is { } problem)
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

    private void Stamp(FieldRecord record, string text, PanelAccess by)
    {
        record.Text = text;
        record.Revision++;
        record.EditedBy = by.PersonId;
        record.EditedByName = by.Name;
        record.EditedAt = state.State.UpdatedAt = clock.GetUtcNow();
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

    private ItemView View(Guid caller) => new(
        Summary(),
        [.. state.State.Fields.Select(f => FieldStateOf(f.Key, f.Value))],
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

    private FieldState FieldStateOf(string field, FieldRecord r) => new(field, r.Text, r.Revision, r.EditedBy, r.EditedByName, r.EditedAt, ItemId);

    private static string InitialText(ItemDraft draft, string field) => field switch
    {
        ItemFields.Stem => draft.Stem ?? string.Empty,
        ItemFields.Rationale => draft.Rationale ?? string.Empty,
        ItemFields.Vignette => draft.Vignette ?? string.Empty,
        _ => draft.Options?[int.Parse(field.AsSpan(ItemFields.OptionPrefix.Length), CultureInfo.InvariantCulture)] ?? string.Empty,
    };

    private static string FieldLabel(string field) => field switch
    {
        ItemFields.Stem => "The stem",
        ItemFields.Rationale => "The rationale",
        ItemFields.Vignette => "The vignette",
        _ => $"Option {(char)('A' + int.Parse(field.AsSpan(ItemFields.OptionPrefix.Length), CultureInfo.InvariantCulture))}",
    };
}

using Orleans.Concurrency;
using Microsoft.Extensions.Logging;
using Quorum.Contracts.Common;
using Quorum.Contracts.Editing;
using Quorum.Contracts.Items;
using Quorum.Contracts.Live;
using Quorum.Contracts.Panels;
using Quorum.Domain.Editing;
using Quorum.Domain.Items;
using Quorum.Grains.Live;

namespace Quorum.Grains.Editing;

/// <summary>
/// One text field, edited at character level by everyone viewing its item. Reentrant: an op is applied to the
/// in-memory document the moment it arrives (transformed over whatever its sender had not seen) and then waits
/// for the edit journal; every op applied while one journal write is under way goes into the next one, so
/// under load one commit acknowledges many ops. Nobody sees an op, not even in a catch-up, before it is
/// durable. If a write fails, memory has run ahead of storage: the activation refuses further edits and goes,
/// and the next one starts from the journal.
/// </summary>
[GrainType("quorum.field")]
[Reentrant]
public sealed partial class FieldGrain(
    [PersistentState("field", StorageNames.Grains)] IPersistentState<FieldSnapshot> snapshot,
    IEditJournal journal,
    TimeProvider clock,
    ILogger<FieldGrain> logger) : Grain, IFieldGrain
{
    /// <summary>Edits between snapshots: the replay at activation stays under this many ops.</summary>
    internal const int SnapshotEvery = 500;

    /// <summary>A catch-up longer than this gets the current text instead of the edits.</summary>
    internal const int MaxCatchUpEdits = 5_000;

    /// <summary>The item hears of text changes (for its title and summary) at most this often.</summary>
    private static readonly TimeSpan NotifyItemEvery = TimeSpan.FromSeconds(1);

    private FieldDocument? document;
    private List<PendingEdit> waiting = [];
    private List<PendingEdit> writing = [];
    private Task flushing = Task.CompletedTask;
    private bool failed;
    private int durableRevision;
    private Guid? lastEditor;
    private string? lastEditorName;
    private DateTimeOffset? lastEditAt;
    private DateTimeOffset lastNotified = DateTimeOffset.MinValue;
    private IGrainTimer? notifyTimer;

    private Guid ItemId => this.GetPrimaryKey(out _);

    private string Field
    {
        get
        {
            this.GetPrimaryKey(out var name);
            return name ?? string.Empty;
        }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!snapshot.RecordExists)
        {
            return; // not initialised yet, or no such field: Initialize or a refusal follows
        }

        var s = snapshot.State;
        var recorded = await journal.ReadAsync(ItemId, Field, Math.Max(0, s.Revision - FieldDocument.DefaultRetainedEdits), cancellationToken: cancellationToken);
        var history = recorded.Where(e => e.Revision <= s.Revision).Select(Applied);
        var doc = new FieldDocument(s.Text, s.Revision, ItemFields.MaxLength(Field), history);
        foreach (var edit in recorded.Where(e => e.Revision > s.Revision))
        {
            doc.Replay(Applied(edit));
        }

        document = doc;
        durableRevision = doc.Revision;
        if (recorded.Count > 0)
        {
            lastEditor = recorded[^1].AuthorId;
            lastEditAt = recorded[^1].At;
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await flushing;
        if (notifyTimer is not null)
        {
            // The item's copy of the text must not wait for a timer that will not fire.
            notifyTimer.Dispose();
            notifyTimer = null;
            SendToItem(clock.GetUtcNow());
        }

        if (!failed && document is not null && durableRevision > snapshot.State.Revision)
        {
            try
            {
                await WriteSnapshotAsync(document.Text, document.Revision);
            }
            catch (Exception e)
            {
                // Nothing is lost: the journal has every edit, the next activation replays a little more.
                LogSnapshotFailed(e, ItemId, Field);
            }
        }
    }

    public async Task<FieldState> Initialize(FieldInit init)
    {
        ArgumentNullException.ThrowIfNull(init);
        if (document is null)
        {
            var maxLength = ItemFields.MaxLength(Field);
            if (maxLength == 0)
            {
                throw new ArgumentException($"'{Field}' is not a field an item can have.", nameof(init));
            }

            snapshot.State = new FieldSnapshot { PanelId = init.PanelId, CreatedAt = init.At };
            await snapshot.SaveAsync(DeactivateOnIdle);
            document = new FieldDocument(string.Empty, 0, maxLength);
            if (init.Text.Length > 0)
            {
                var first = new EditRequest(init.AuthorId, "item", 1, 0, TextOp.From([OpComponent.Insert(init.Text)]));
                var outcome = await Apply(new PanelAccess(init.PanelId, init.AuthorId, PanelRole.Expert, init.AuthorName, string.Empty), first);
                if (!outcome.Ok)
                {
                    throw new InvalidOperationException($"The first text of field '{Field}' of item {ItemId} was refused: {outcome.Error?.Message}");
                }

                // The item has this text already; the first edit after it should reach the item at once.
                lastNotified = DateTimeOffset.MinValue;
            }

            if (init.Locked is not null)
            {
                await SetLock(init.Locked);
            }
        }

        return await CurrentState();
    }

    public async Task<FieldState?> Peek() => document is null ? null : await CurrentState();

    public async Task<Outcome<FieldState>> Open(Guid caller)
    {
        if (await Authorize(caller) is { Problem: { } denied })
        {
            return denied;
        }

        return Outcome.Of(await CurrentState());
    }

    public async Task<Outcome<EditAck>> Edit(Guid caller, FieldEdit edit)
    {
        var access = await Authorize(caller);
        if (access.Problem is { } denied)
        {
            return denied;
        }

        if (edit?.Op is null || string.IsNullOrEmpty(edit.ClientId))
        {
            return Problem.Invalid("op", "The edit is missing its op or its client id.");
        }

        if (snapshot.State.Locked is { } locked)
        {
            return new Problem(ProblemCodes.Locked, locked, Field);
        }

        return await Apply(access.Access!, new EditRequest(caller, edit.ClientId, edit.ClientSeq, edit.BaseRevision, edit.Op));
    }

    public async Task SetLock(string? reason)
    {
        if (document is null || snapshot.State.Locked == reason)
        {
            return;
        }

        // Refuse new edits at once, let those already applied reach the journal, then record the lock.
        snapshot.State.Locked = reason;
        while (!flushing.IsCompleted)
        {
            await flushing;
        }

        await snapshot.SaveAsync(DeactivateOnIdle);
    }

    public async Task<Outcome<FieldSync>> Sync(Guid caller, string clientId, int fromRevision)
    {
        if (await Authorize(caller) is { Problem: { } denied })
        {
            return denied;
        }

        var doc = document!;
        var revision = doc.Revision;
        if (fromRevision < 0 || fromRevision > revision)
        {
            return Problem.Invalid("revision", $"There is no revision {fromRevision} of this field yet; it is at revision {revision}.");
        }

        if (revision - fromRevision > MaxCatchUpEdits)
        {
            // Too far behind to replay: the text now, and which of the tab's own ops made it in.
            var text = doc.Text;
            if (await WhenDurable(revision) is { } notSaved)
            {
                return notSaved;
            }

            var lastSeq = await journal.LastClientSeqAsync(ItemId, Field, caller, clientId, fromRevision);
            return Outcome.Of(new FieldSync(ItemId, Field, revision, null, text, lastSeq));
        }

        var edits = doc.EditsSince(fromRevision);
        if (edits is null)
        {
            var older = await journal.ReadAsync(ItemId, Field, fromRevision, doc.OldestBase);
            edits = doc.EditsSince(doc.OldestBase) is { } newer && older.Count == doc.OldestBase - fromRevision
                ? [.. older.Select(Applied), .. newer]
                : null;
            if (edits is null)
            {
                return new Problem(ProblemCodes.Conflict, "The field changed while catching up; ask again.", Field);
            }

            revision = edits.Count == 0 ? fromRevision : edits[^1].Revision;
        }

        if (await WhenDurable(revision) is { } failure)
        {
            return failure;
        }

        return Outcome.Of(new FieldSync(ItemId, Field, revision, [.. edits.Select(View)], null, null));
    }

    public async Task<Outcome<FieldState>> TextAt(Guid caller, int revision)
    {
        if (await Authorize(caller) is { Problem: { } denied })
        {
            return denied;
        }

        if (revision < 0 || revision > durableRevision)
        {
            return Problem.Invalid("revision", $"Revision {revision} does not exist; the field is at revision {durableRevision}.");
        }

        var edits = await journal.ReadAsync(ItemId, Field, 0, revision);
        if (edits.Count != revision)
        {
            return Problem.NotFound($"The history of this field before revision {revision - edits.Count + 1} is not in the journal.");
        }

        var text = new TextBuffer(string.Empty);
        foreach (var edit in edits)
        {
            text.Apply(edit.Op);
        }

        var last = edits.Count == 0 ? null : edits[^1];
        return Outcome.Of(new FieldState(Field, text.ToString(), revision, last?.AuthorId, null, last?.At, ItemId));
    }

    private async Task<Outcome<EditAck>> Apply(PanelAccess by, EditRequest request)
    {
        if (failed)
        {
            return NotSaved();
        }

        var result = document!.Submit(request, clock.GetUtcNow());
        switch (result.Outcome)
        {
            case SubmitOutcome.Applied:
                var pending = new PendingEdit(result.AppliedEdit, by.Name);
                waiting.Add(pending);
                if (flushing.IsCompleted)
                {
                    flushing = FlushAsync();
                }

                return await pending.Completion.Task;

            case SubmitOutcome.Duplicate:
                return await WhenDurable(result.Revision) is { } failure
                    ? failure
                    : Outcome.Of(new EditAck(result.Revision, Duplicate: true));

            case SubmitOutcome.ResyncNeeded:
                return new Problem(ProblemCodes.Resync, $"This copy of the field is too old to merge into (the oldest mergeable revision is {result.Revision}); fetch it afresh and apply your change again.", Field);

            default:
                return Problem.Invalid(Field, result.Reason ?? "The change does not fit the text.");
        }
    }

    /// <summary>Hands everything applied so far to the journal, a batch at a time, until nothing waits.</summary>
    private async Task FlushAsync()
    {
        while (waiting.Count > 0 && !failed)
        {
            (writing, waiting) = (waiting, []);
            var last = writing[^1].Edit.Revision;

            // Every applied edit is now in this batch, so the text in memory is exactly the text at `last`.
            var snapshotText = last - snapshot.State.Revision >= SnapshotEvery ? document!.Text : null;
            try
            {
                await journal.AppendAsync([.. writing.Select(Recorded)]);
            }
            catch (Exception e)
            {
                Fail(e);
                return;
            }

            durableRevision = last;
            var newest = writing[^1];
            (lastEditor, lastEditorName, lastEditAt) = (newest.Edit.AuthorId, newest.AuthorName, newest.Edit.At);
            foreach (var pending in writing)
            {
                pending.Completion.TrySetResult(Outcome.Of(new EditAck(pending.Edit.Revision, Duplicate: false)));
            }

            LiveFeed.Publish(GrainFactory, LiveGroups.Item(ItemId), LiveMethods.FieldEdits, new FieldEdits(ItemId, Field, [.. writing.Select(p => View(p.Edit))]));
            writing = [];
            NotifyItem();

            if (snapshotText is not null)
            {
                try
                {
                    await WriteSnapshotAsync(snapshotText, last);
                }
                catch (Exception e)
                {
                    Fail(e);
                    return;
                }
            }
        }
    }

    private async Task WriteSnapshotAsync(string text, int revision)
    {
        snapshot.State.Text = text;
        snapshot.State.Revision = revision;
        await snapshot.WriteStateAsync();
    }

    /// <summary>Memory is ahead of storage: refuse everything still pending and let the next activation reload.</summary>
    private void Fail(Exception e)
    {
        failed = true;
        LogWriteFailed(e, ItemId, Field, writing.Count + waiting.Count);
        foreach (var pending in writing.Concat(waiting))
        {
            pending.Completion.TrySetResult(NotSaved());
        }

        (writing, waiting) = ([], []);
        DeactivateOnIdle();
    }

    /// <summary>Null once <paramref name="revision"/> is on disk; the refusal when it never will be.</summary>
    private async Task<Problem?> WhenDurable(int revision)
    {
        while (durableRevision < revision)
        {
            if (failed)
            {
                return NotSaved().Error;
            }

            var pending = waiting.Concat(writing).FirstOrDefault(p => p.Edit.Revision >= revision);
            if (pending is null)
            {
                return NotSaved().Error;
            }

            var outcome = await pending.Completion.Task;
            if (!outcome.Ok)
            {
                return outcome.Error;
            }
        }

        return null;
    }

    private async Task<FieldState> CurrentState()
    {
        var doc = document!;
        var (text, revision) = (doc.Text, doc.Revision);
        await WhenDurable(revision);
        return new FieldState(Field, text, revision, lastEditor, lastEditorName, lastEditAt, ItemId);
    }

    /// <summary>Tells the item the text now (for its title), at most once a second while typing goes on.</summary>
    private void NotifyItem()
    {
        var now = clock.GetUtcNow();
        if (now - lastNotified >= NotifyItemEvery)
        {
            SendToItem(now);
            return;
        }

        notifyTimer ??= this.RegisterGrainTimer(
            () =>
            {
                notifyTimer?.Dispose();
                notifyTimer = null;
                SendToItem(clock.GetUtcNow());
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions { DueTime = lastNotified + NotifyItemEvery - now, Period = Timeout.InfiniteTimeSpan, Interleave = true });
    }

    private void SendToItem(DateTimeOffset now)
    {
        lastNotified = now;
        var doc = document!;
        if (durableRevision != doc.Revision)
        {
            // Not everything applied is durable yet; the flush that makes it so will notify.
            return;
        }

        GrainFactory.Reference<IItemGrain>(ItemId)
            .FieldChanged(new FieldState(Field, doc.Text, doc.Revision, lastEditor, lastEditorName, lastEditAt, ItemId))
            .Ignore();
    }

    private async Task<(Problem? Problem, PanelAccess? Access)> Authorize(Guid caller)
    {
        if (document is null)
        {
            return (Problem.NotFound("This item has no such field."), null);
        }

        var access = await GrainFactory.Reference<IPanelGrain>(snapshot.State.PanelId).GetAccess(caller);
        return access is null
            ? (Problem.Forbidden("You are not a member of this item's panel."), null)
            : (null, access);
    }

    private static Outcome<EditAck> NotSaved() => new Problem(
        ProblemCodes.NotSaved,
        "Your change could not be saved just now. It is kept in your browser and will be sent again when the connection recovers.");

    private RecordedEdit Recorded(PendingEdit p) =>
        new(snapshot.State.PanelId, ItemId, Field, p.Edit.Revision, p.Edit.AuthorId, p.Edit.ClientId, p.Edit.ClientSeq, p.Edit.At, p.Edit.Op);

    private static AppliedEdit Applied(RecordedEdit e) => new(e.Revision, e.Op, e.AuthorId, e.ClientId, e.ClientSeq, e.At);

    private static EditView View(AppliedEdit e) => new(e.Revision, e.Op, e.ClientId, e.ClientSeq, e.AuthorId, e.At);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Field {Field} of item {ItemId}: the edit journal refused a write; {Pending} edits were not saved and the activation is dropped.")]
    private partial void LogWriteFailed(Exception exception, Guid itemId, string field, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Field {Field} of item {ItemId}: the snapshot could not be written at deactivation.")]
    private partial void LogSnapshotFailed(Exception exception, Guid itemId, string field);

    private sealed record PendingEdit(AppliedEdit Edit, string AuthorName)
    {
        public TaskCompletionSource<Outcome<EditAck>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

using Quorum.Domain.Editing;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Simulation;

namespace Quorum.Simulator.Editing;

/// <summary>
/// One text field open in one browser tab, run the way the product's editor runs it (docs/api.md, "Editing"): a
/// <see cref="FieldReplica"/> holds the tab's copy, one op is in flight at a time and whatever is typed meanwhile
/// is composed into the next, and everyone's edits come back through <c>fieldEdits</c>. An ack or an edit ahead
/// of what the tab has taken in leaves a gap that the live feed normally fills at once; when it does not, or the
/// server answers <c>resync</c>, the tab catches up with <c>SyncField</c>; on <c>not-saved</c> it sends the op
/// again. Closing waits until every op is acknowledged and checks the tab's text against the server's. When the
/// server answers <c>locked</c> (a round has taken the item into review) the tab stops: what it had not yet got
/// acknowledged is dropped, as the editor's typing is when the page turns read-only.
/// </summary>
public sealed class FieldEditor : IAsyncDisposable
{
    /// <summary>Sends of one op, and catch-ups, before a refusal to merge or save it becomes an error.</summary>
    private const int MaxAttempts = 5;

    /// <summary>How long a gap may wait for the live feed before the tab asks for what it missed.</summary>
    private static readonly TimeSpan GapWait = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly HubSession _hub;
    private readonly FieldReplica _replica;
    private readonly Guid _authorId;
    private readonly SimulationCounters _counters;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop;
    private readonly IDisposable _subscription;
    private Task _sending = Task.CompletedTask;
    private Exception? _fault;
    private string? _locked;
    private bool _closing;
    private bool _unsubscribed;

    private FieldEditor(HubSession hub, Guid itemId, FieldState state, Guid authorId, SimulationCounters counters, CancellationToken cancellation)
    {
        _hub = hub;
        ItemId = itemId;
        Field = state.Field;
        _authorId = authorId;
        _counters = counters;

        // A tab's id is random: a resend is recognised by it and the op's number, never confused with another tab's.
        _replica = new FieldReplica(Guid.NewGuid().ToString("N"), state.Text, state.Revision);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _subscription = hub.OnFieldEdits(Take);
    }

    public Guid ItemId { get; }

    public string Field { get; }

    public string ClientId => _replica.ClientId;

    /// <summary>What the tab shows: the server's text as far as it has taken it in, with its own unacknowledged typing on top.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _replica.Text;
            }
        }
    }

    /// <summary>The tab can no longer send (an edit was refused for good, or one from the server did not fit); <see cref="CloseAsync"/> says why.</summary>
    public bool Failed
    {
        get
        {
            lock (_gate)
            {
                return _fault is not null || _sending.IsFaulted;
            }
        }
    }

    /// <summary>The server refused an edit because the item's text is locked: the tab has stopped typing (not a failure).</summary>
    public bool IsLocked
    {
        get
        {
            lock (_gate)
            {
                return _locked is not null;
            }
        }
    }

    /// <summary>
    /// Opens the field in a tab from the state the item view gave (the caller has opened the item, so its live
    /// edits reach this connection), and catches up with anything applied between that view and now.
    /// </summary>
    public static async Task<FieldEditor> OpenAsync(HubSession hub, Guid itemId, FieldState state, Guid authorId, SimulationCounters counters, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(state);
        var editor = new FieldEditor(hub, itemId, state, authorId, counters, cancellation);
        try
        {
            await editor.CatchUpAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            await editor.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        editor._sending = Task.Run(() => editor.SendAsync(editor._stop.Token), CancellationToken.None);
        return editor;
    }

    /// <summary>
    /// One keystroke: <paramref name="keystroke"/> is given the tab's text and returns the op it makes on it. It runs
    /// under the tab's lock, so no edit from elsewhere comes in between. Returns the op; empty when the keystroke
    /// changed nothing or the tab has failed.
    /// </summary>
    /// <exception cref="OpRejectedException">The op does not fit the text it was given (a bug in the caller).</exception>
    public TextOp Type(Func<string, TextOp> keystroke)
    {
        ArgumentNullException.ThrowIfNull(keystroke);
        TextOp op;
        lock (_gate)
        {
            if (_fault is not null || _sending.IsFaulted || _closing || _locked is not null)
            {
                return TextOp.Empty;
            }

            op = keystroke(_replica.Text);
            if (op.IsNoop)
            {
                return op;
            }

            _replica.Edit(op);
        }

        _wake.Release();
        return op;
    }

    /// <summary>
    /// Stops typing: waits until every op is acknowledged, catches up with the field, and checks that this tab's
    /// text is the server's text at the same revision (the server rebuilds it from the field's history). Returns
    /// the tab's revision and text; throws when the tab failed or does not match. A tab stopped by a lock returns the
    /// server's text at the revision it caught up to, marked <see cref="TypedField.Locked"/> (its own unacknowledged
    /// typing was refused, so there is nothing of its own to compare).
    /// </summary>
    public async Task<TypedField> CloseAsync(CancellationToken cancellation)
    {
        lock (_gate)
        {
            _closing = true;
        }

        _wake.Release();
        await _sending.ConfigureAwait(false);
        ThrowIfFaulted();
        Unsubscribe();

        // Without the live feed, one catch-up takes in everything durable by now.
        await CatchUpAsync(cancellation).ConfigureAwait(false);
        int revision;
        string text;
        string? locked;
        lock (_gate)
        {
            (revision, text, locked) = (_replica.Revision, _replica.Text, _locked);
        }

        var server = await _hub.FieldAtAsync(ItemId, Field, revision, cancellation).ConfigureAwait(false);
        if (!server.Ok)
        {
            throw new InvalidOperationException($"FieldAt({Field} of item {ItemId}, revision {revision}) was refused: {server.Error?.Code} {server.Error?.Message}");
        }

        if (locked is not null)
        {
            return new TypedField(ItemId, Field, revision, server.Value!.Text) { Locked = true };
        }

        if (!string.Equals(server.Value!.Text, text, StringComparison.Ordinal))
        {
            var at = text.AsSpan().CommonPrefixLength(server.Value.Text);
            throw new InvalidDataException(
                $"Tab {ClientId} has diverged on {Field} of item {ItemId}: at revision {revision} it shows {text.Length} characters and the server " +
                $"{server.Value.Text.Length}, differing from character {at}.");
        }

        return new TypedField(ItemId, Field, revision, text);
    }

    public async ValueTask DisposeAsync()
    {
        Unsubscribe();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _sending.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Cancelled just now, or failed earlier: a tab being abandoned. What went wrong was reported by
            // CloseAsync, or by whatever made the caller give up.
        }

        // _wake is not disposed: a live edit already on its way in may still release it, and a SemaphoreSlim that
        // never made a wait handle holds nothing to free.
        _stop.Dispose();
    }

    /// <summary>Sends held ops one at a time until the tab closes with nothing left unacknowledged, or the text is locked.</summary>
    private async Task SendAsync(CancellationToken cancellation)
    {
        while (true)
        {
            EditRequest? request;
            bool awaitingAck;
            lock (_gate)
            {
                ThrowIfFaulted();
                if (_locked is not null)
                {
                    return;
                }

                request = _replica.NextToSend(_authorId);
                awaitingAck = _replica.IsAwaitingAck;
                if (request is null && !_replica.HasPending && _closing)
                {
                    return;
                }
            }

            if (request is { } next)
            {
                await DeliverAsync(next, cancellation).ConfigureAwait(false);
                continue;
            }

            // Typing, a live edit or closing wakes the tab. An op acknowledged ahead of edits the tab has not seen
            // stays in flight until they come; if the live feed does not bring them soon, the tab asks for them.
            if (!await _wake.WaitAsync(awaitingAck ? GapWait : Timeout.InfiniteTimeSpan, cancellation).ConfigureAwait(false))
            {
                await CatchUpAsync(cancellation).ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverAsync(EditRequest request, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await _hub.EditAsync(ItemId, Field, request.BaseRevision, request.Op, ClientId, request.ClientSeq, cancellation).ConfigureAwait(false);
            if (outcome.Ok)
            {
                lock (_gate)
                {
                    _replica.Acknowledge(request.ClientSeq, outcome.Value!.Revision);
                }

                _counters.Edited();
                return;
            }

            var code = outcome.Error?.Code;
            if (code == ProblemCodes.Locked)
            {
                // Nothing of this op was applied, and no later one will be: the tab stops here.
                lock (_gate)
                {
                    _locked = outcome.Error!.Message;
                }

                _counters.Locked();
                return;
            }

            if (attempt >= MaxAttempts || code is not (ProblemCodes.Resync or ProblemCodes.NotSaved))
            {
                throw new InvalidOperationException(
                    $"Edit of {Field} on item {ItemId} (op {request.ClientSeq} of tab {ClientId}, {attempt} sends) was refused: {code} {outcome.Error?.Message}");
            }

            if (code == ProblemCodes.Resync)
            {
                await CatchUpAsync(cancellation).ConfigureAwait(false);
            }
            else
            {
                // Nothing was saved; the storage may need a moment, as it would for a browser sending again.
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellation).ConfigureAwait(false);
            }

            lock (_gate)
            {
                // Rebased on whatever the tab has taken in since; null only if the op came back applied after all.
                if (_replica.Resend(_authorId) is not { } again)
                {
                    _counters.Edited();
                    return;
                }

                request = again;
            }
        }
    }

    /// <summary>Takes in every durable edit after the tab's revision.</summary>
    private async Task CatchUpAsync(CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            int from;
            lock (_gate)
            {
                from = _replica.Revision;
            }

            var sync = await _hub.SyncFieldAsync(ItemId, Field, ClientId, from, cancellation).ConfigureAwait(false);
            if (sync.Ok)
            {
                if (sync.Value!.Edits is not { } edits)
                {
                    // FieldReplica has no way to start again from a text and rebase the ops still unacknowledged.
                    throw new NotSupportedException(
                        $"Tab {ClientId} is too far behind on {Field} of item {ItemId} (revision {from}, the field is at {sync.Value.Revision}); the server sent the whole text, which this tab cannot rebase onto.");
                }

                Receive(edits);
                ThrowIfFaulted();
                return;
            }

            if (sync.Error?.Code != ProblemCodes.Conflict || attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"SyncField({Field} of item {ItemId}, from revision {from}) was refused: {sync.Error?.Code} {sync.Error?.Message}");
            }
        }
    }

    /// <summary><c>fieldEdits</c>, on SignalR's thread: every open tab of the connection hears every field of its open items.</summary>
    private void Take(FieldEdits change)
    {
        if (change.ItemId != ItemId || !string.Equals(change.Field, Field, StringComparison.Ordinal))
        {
            return;
        }

        Receive(change.Edits);
        _wake.Release();
    }

    private void Receive(IReadOnlyList<EditView> edits)
    {
        lock (_gate)
        {
            if (_fault is not null)
            {
                return;
            }

            try
            {
                foreach (var edit in edits)
                {
                    if (edit.Revision > _replica.Revision && edit.ClientId != ClientId && _replica.HasPending)
                    {
                        _counters.Merged();
                    }

                    _replica.Receive(edit.ToApplied());
                }
            }
            catch (OpRejectedException e)
            {
                _fault = new InvalidDataException($"An edit from the server does not fit tab {ClientId}'s copy of {Field} of item {ItemId}: {e.Message}", e);
            }
        }
    }

    private void ThrowIfFaulted()
    {
        if (_fault is { } fault)
        {
            throw new InvalidDataException(fault.Message, fault);
        }
    }

    private void Unsubscribe()
    {
        lock (_gate)
        {
            if (_unsubscribed)
            {
                return;
            }

            _unsubscribed = true;
        }

        _subscription.Dispose();
    }
}

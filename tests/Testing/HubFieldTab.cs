using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Quorum.Domain.Editing;

namespace Quorum.Testing;

/// <summary>
/// One tab editing one text field over the real hub, as a browser tab does: a <see cref="FieldReplica"/> (one op in
/// flight, later typing composed), edits pushed by the server taken in, a catch-up when the pushes leave a gap,
/// and after a lost connection a catch-up on the new one and a resend of the op still unacknowledged.
/// Thread-safe: pushes arrive on SignalR's threads.
/// </summary>
public sealed class HubFieldTab
{
    private static readonly TimeSpan GapWait = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private readonly FieldReplica replica;
    private readonly HashSet<long> acknowledged = [];
    private HubConnection hub;
    private TaskCompletionSource caughtUp = NewSignal();
    private IDisposable subscription;

    public HubFieldTab(HubConnection hub, Guid personId, string clientId, Guid itemId, string field, string text, int revision)
    {
        this.hub = hub;
        PersonId = personId;
        ItemId = itemId;
        Field = field;
        replica = new FieldReplica(clientId, text, revision);
        subscription = Listen(hub);
    }

    public Guid PersonId { get; }

    public Guid ItemId { get; }

    public string Field { get; }

    public string ClientId => replica.ClientId;

    /// <summary>Called with (client id, sequence number) for every edit pushed by the server, when it arrives.</summary>
    public Action<string, long>? OnPushed { get; init; }

    /// <summary>Called with the sequence number just before an op goes to the server.</summary>
    public Action<long>? OnSending { get; init; }

    /// <summary>Called with the sequence number when the server's ack arrives (before the tab waits for the edits ahead of it).</summary>
    public Action<long>? OnAcknowledged { get; init; }

    /// <summary>This tab's ops the server has acknowledged, by sequence number.</summary>
    public IReadOnlyCollection<long> Acknowledged
    {
        get
        {
            lock (gate)
            {
                return [.. acknowledged];
            }
        }
    }

    public string Text
    {
        get
        {
            lock (gate)
            {
                return replica.Text;
            }
        }
    }

    public int Revision
    {
        get
        {
            lock (gate)
            {
                return replica.Revision;
            }
        }
    }

    public bool HasPending
    {
        get
        {
            lock (gate)
            {
                return replica.HasPending;
            }
        }
    }

    /// <summary>
    /// Types <paramref name="edit"/> (made from the tab's text) and sends it; returns the sequence number once the
    /// server has acknowledged it and the tab has taken in every edit before it. Throws when the connection fails:
    /// the op stays in flight for <see cref="ReconnectAsync"/>.
    /// </summary>
    public async Task<long> TypeAsync(Func<string, TextOp> edit)
    {
        EditRequest request;
        lock (gate)
        {
            replica.Edit(edit(replica.Text));
            request = replica.NextToSend(PersonId) ?? throw new InvalidOperationException($"{ClientId}: an op is still in flight; wait for its ack first.");
        }

        await SendAsync(request);
        return request.ClientSeq;
    }

    /// <summary>Moves to a new connection: catches up from the revision this tab had, then resends what is unacknowledged.</summary>
    public async Task ReconnectAsync(HubConnection connection)
    {
        lock (gate)
        {
            subscription.Dispose();
            hub = connection;
            subscription = Listen(connection);
        }

        await hub.InvokeAsync<JsonElement>("OpenItem", ItemId);
        await CatchUpAsync();
        EditRequest? again;
        lock (gate)
        {
            again = replica.Resend(PersonId);
        }

        if (again is { } request)
        {
            await SendAsync(request);
        }
    }

    /// <summary>Takes in what the server has that this tab has not (after a gap in the pushes, or to finish).</summary>
    public async Task CatchUpAsync()
    {
        int from;
        lock (gate)
        {
            from = replica.Revision;
        }

        var sync = await hub.InvokeAsync<JsonElement>("SyncField", ItemId, Field, ClientId, from);
        if (!sync.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException($"{ClientId}: SyncField from {from} was refused: {sync.GetProperty("error")}");
        }

        var value = sync.GetProperty("value");
        if (value.GetProperty("edits") is not { ValueKind: JsonValueKind.Array } edits)
        {
            throw new InvalidOperationException($"{ClientId}: more than the server keeps was missed (revision {from}); a test tab does not rebase.");
        }

        Take(edits, pushed: false);
    }

    private async Task SendAsync(EditRequest request)
    {
        while (true)
        {
            OnSending?.Invoke(request.ClientSeq);
            var outcome = await hub.InvokeAsync<JsonElement>("Edit", ItemId, Field, request.BaseRevision, JsonSerializer.SerializeToElement(request.Op), ClientId, request.ClientSeq);
            if (outcome.GetProperty("ok").GetBoolean())
            {
                OnAcknowledged?.Invoke(request.ClientSeq);
                var revision = outcome.GetProperty("value").GetProperty("revision").GetInt32();
                Task idle;
                lock (gate)
                {
                    acknowledged.Add(request.ClientSeq);
                    replica.Acknowledge(request.ClientSeq, revision);
                    idle = replica.IsAwaitingAck ? caughtUp.Task : Task.CompletedTask;
                }

                // The ack can come before the pushes of the edits ahead of it: the next op waits for them.
                if (await Task.WhenAny(idle, Task.Delay(GapWait)) != idle)
                {
                    await CatchUpAsync();
                }

                return;
            }

            var code = outcome.GetProperty("error").GetProperty("code").GetString();
            if (code is not ("resync" or "not-saved"))
            {
                throw new InvalidOperationException($"{ClientId}: op {request.ClientSeq} was refused: {outcome.GetProperty("error")}");
            }

            await CatchUpAsync();
            lock (gate)
            {
                if (!replica.IsAwaitingAck)
                {
                    acknowledged.Add(request.ClientSeq); // the catch-up brought it back: it was applied after all
                    return;
                }

                request = replica.Resend(PersonId)!.Value;
            }
        }
    }

    private IDisposable Listen(HubConnection connection) => connection.On<JsonElement>("fieldEdits", change =>
    {
        if (change.GetProperty("itemId").GetGuid() == ItemId && change.GetProperty("field").GetString() == Field)
        {
            Take(change.GetProperty("edits"), pushed: true);
        }
    });

    private void Take(JsonElement edits, bool pushed)
    {
        lock (gate)
        {
            foreach (var e in edits.EnumerateArray())
            {
                var from = e.GetProperty("clientId").GetString()!;
                var seq = e.GetProperty("clientSeq").GetInt64();
                if (pushed)
                {
                    OnPushed?.Invoke(from, seq);
                }

                if (!TextOpJson.TryParse(e.GetProperty("op"), out var op, out var error))
                {
                    throw new InvalidDataException($"{ClientId}: the server sent an op that does not parse: {error}");
                }

                if (from == ClientId)
                {
                    acknowledged.Add(seq);
                }

                replica.Receive(new AppliedEdit(e.GetProperty("revision").GetInt32(), op, e.GetProperty("authorId").GetGuid(), from, seq, e.GetProperty("at").GetDateTimeOffset()));
            }

            if (!replica.IsAwaitingAck)
            {
                caughtUp.TrySetResult();
                caughtUp = NewSignal();
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

namespace Quorum.Domain.Editing;

/// <summary>
/// A tab's copy of one text field, in C#: the client model the browser runs with ot-text-unicode (one op in
/// flight, later typing held back, remote edits transformed over both), for the simulator, the replay tool, the
/// benchmarks and the tests. Edits from the server may arrive in any order and more than once; they are taken in
/// revision order. Not thread-safe.
/// </summary>
public sealed class FieldReplica
{
    private readonly TextBuffer text;
    private readonly bool composeBuffer;
    private readonly List<TextOp> held = [];
    private readonly Dictionary<int, AppliedEdit?> early = []; // edits past a gap; null marks this tab's acknowledged op
    private (TextOp Op, long Seq)? inFlight;
    private long lastSeq;

    /// <param name="composeBuffer">
    /// True (as browsers do) to compose everything typed while an op is in flight into the next one; false to send
    /// each op on its own, in order.
    /// </param>
    /// <param name="lastSeq">The last sequence number this tab used, when it continues an earlier session.</param>
    public FieldReplica(string clientId, string text, int revision, bool composeBuffer = true, long lastSeq = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        ClientId = clientId;
        this.text = new TextBuffer(text);
        this.composeBuffer = composeBuffer;
        this.lastSeq = lastSeq;
        Revision = revision;
    }

    public string ClientId { get; }

    /// <summary>The server's revision this copy has taken in.</summary>
    public int Revision { get; private set; }

    /// <summary>What the tab shows: the server's text at <see cref="Revision"/> with this tab's unacknowledged ops on top.</summary>
    public string Text => text.ToString();

    /// <summary>Code points in <see cref="Text"/>.</summary>
    public int Length => text.Length;

    /// <summary>True while some op of this tab is not yet acknowledged.</summary>
    public bool HasPending => inFlight is not null || held.Count > 0;

    /// <summary>True while an op has been sent and not yet acknowledged.</summary>
    public bool IsAwaitingAck => inFlight is not null;

    /// <summary>The person changed the text by <paramref name="op"/>, written against <see cref="Text"/>.</summary>
    /// <exception cref="OpRejectedException">The op does not fit the text; nothing changed.</exception>
    public void Edit(TextOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        text.Apply(op);
        if (op.IsNoop)
        {
            return;
        }

        if (composeBuffer && held.Count > 0)
        {
            held[0] = TextOt.Compose(held[0], op);
        }
        else
        {
            held.Add(op);
        }
    }

    /// <summary>
    /// Puts the next held op in flight and returns it as a request, when nothing is in flight; otherwise null
    /// (the one in flight is <see cref="Resend"/>'s).
    /// </summary>
    public EditRequest? NextToSend(Guid authorId)
    {
        if (inFlight is not null || held.Count == 0)
        {
            return null;
        }

        inFlight = (held[0], ++lastSeq);
        held.RemoveAt(0);
        return new EditRequest(authorId, ClientId, inFlight.Value.Seq, Revision, inFlight.Value.Op);
    }

    /// <summary>The op in flight again, against the revision this copy is at now (after a reconnect or a refusal to retry).</summary>
    public EditRequest? Resend(Guid authorId) =>
        inFlight is { } sent ? new EditRequest(authorId, ClientId, sent.Seq, Revision, sent.Op) : null;

    /// <summary>The server applied this tab's op <paramref name="clientSeq"/> as <paramref name="revision"/>.</summary>
    public void Acknowledge(long clientSeq, int revision)
    {
        if (inFlight?.Seq != clientSeq || revision <= Revision)
        {
            return; // acknowledged already, by the edit coming back
        }

        early[revision] = null;
        Drain();
    }

    /// <summary>An edit the server applied (this tab's own included), in any order, perhaps again.</summary>
    public void Receive(AppliedEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit.Op);
        if (edit.Revision > Revision)
        {
            early[edit.Revision] = edit;
            Drain();
        }
    }

    private void Drain()
    {
        while (early.Remove(Revision + 1, out var next))
        {
            if (inFlight is { } mine && (next is not { } edit || (edit.ClientId == ClientId && edit.ClientSeq == mine.Seq)))
            {
                inFlight = null;
            }
            else if (next is { } remote)
            {
                ApplyRemote(remote.Op);
            }

            Revision++;
        }

        if (early.Count > 0)
        {
            foreach (var stale in early.Keys.Where(r => r <= Revision).ToList())
            {
                early.Remove(stale);
            }
        }
    }

    private void ApplyRemote(TextOp op)
    {
        var incoming = op;
        if (inFlight is { } sent)
        {
            inFlight = (TextOt.Transform(sent.Op, incoming, Side.Left), sent.Seq);
            incoming = TextOt.Transform(incoming, sent.Op, Side.Right);
        }

        for (var i = 0; i < held.Count; i++)
        {
            var mine = held[i];
            held[i] = TextOt.Transform(mine, incoming, Side.Left);
            incoming = TextOt.Transform(incoming, mine, Side.Right);
        }

        text.Apply(incoming);
    }
}

using System.Collections.Concurrent;

namespace Quorum.Simulator.Experts;

/// <summary>
/// What the simulated people tell one another about the review outside the platform, as a real panel would by
/// message or in a meeting: an author that an item is finished (or revised) and ready for a round, an expert that
/// they pass on rating an item in a round, that an expert has stopped working; and the facilitator's word that
/// the panel's review is over. Thread-safe; the facilitator reads it, the experts write it.
/// </summary>
public sealed class RoundLedger
{
    private readonly ConcurrentQueue<ReadyItem> _ready = new();
    private readonly ConcurrentDictionary<(Guid RoundId, Guid ItemId), int> _passes = new();
    private readonly ConcurrentDictionary<Guid, byte> _stopped = new();
    private readonly ConcurrentDictionary<Guid, byte> _declined = new();
    private readonly SemaphoreSlim _news = new(0);
    private int _finished;

    /// <summary>The facilitator has closed the last round: experts finish what they are doing and stop.</summary>
    public bool Finished => Volatile.Read(ref _finished) == 1;

    /// <summary>An author has finished writing an item, or revising one the panel sent back.</summary>
    public void Ready(Guid itemId, string statementId, bool revised)
    {
        _ready.Enqueue(new ReadyItem(itemId, statementId, revised));
        _news.Release();
    }

    /// <summary>An author will not revise an item after all (they could not open it, or stopped).</summary>
    public void Declined(Guid itemId)
    {
        _declined.TryAdd(itemId, 0);
        _news.Release();
    }

    /// <summary>An expert has looked at an item in a round and does not rate it.</summary>
    public void Passed(Guid roundId, Guid itemId)
    {
        _passes.AddOrUpdate((roundId, itemId), 1, (_, n) => n + 1);
        _news.Release();
    }

    /// <summary>An expert has stopped (done, or given up): nobody should wait for their ratings or revisions.</summary>
    public void Stopped(Guid personId)
    {
        _stopped.TryAdd(personId, 0);
        _news.Release();
    }

    public void Finish()
    {
        Volatile.Write(ref _finished, 1);
        _news.Release();
    }

    /// <summary>The items reported ready since the last call, in the order reported.</summary>
    public IReadOnlyList<ReadyItem> TakeReady()
    {
        var taken = new List<ReadyItem>();
        while (_ready.TryDequeue(out var item))
        {
            taken.Add(item);
        }

        return taken;
    }

    public int Passes(Guid roundId, Guid itemId) => _passes.GetValueOrDefault((roundId, itemId));

    public bool HasStopped(Guid personId) => _stopped.ContainsKey(personId);

    public bool HasDeclined(Guid itemId) => _declined.ContainsKey(itemId);

    /// <summary>Waits until someone reports something, or <paramref name="timeout"/> passes.</summary>
    public Task<bool> WaitForNewsAsync(TimeSpan timeout, CancellationToken cancellation) => _news.WaitAsync(timeout, cancellation);
}

/// <summary>An item its author reported ready for review: newly written, or <paramref name="Revised"/> after a round.</summary>
public sealed record ReadyItem(Guid ItemId, string StatementId, bool Revised);

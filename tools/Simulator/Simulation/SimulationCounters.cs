namespace Quorum.Simulator.Simulation;

/// <summary>What the panel has done so far; shared by every simulated browser, so updated atomically.</summary>
public sealed class SimulationCounters
{
    private int _items;
    private int _edits;
    private int _comments;
    private int _challenges;
    private int _resolutions;
    private int _additions;
    private int _merged;
    private int _ratings;
    private int _refusals;
    private int _errors;
    private int _itemsSeenLive;

    public void ItemCreated() => Interlocked.Increment(ref _items);

    /// <summary>An op acknowledged by the server (once per op, a resend included).</summary>
    public void Edited() => Interlocked.Increment(ref _edits);

    /// <summary>Someone else's edit reached a tab that had typing not yet acknowledged, so the two were merged by transform.</summary>
    public void Merged() => Interlocked.Increment(ref _merged);

    /// <summary>A reviewer added a sentence to someone else's stem or vignette.</summary>
    public void AddedToText() => Interlocked.Increment(ref _additions);

    /// <summary>Every comment counts, challenges included; challenges are also counted apart.</summary>
    public void Commented(bool isChallenge)
    {
        Interlocked.Increment(ref _comments);
        if (isChallenge)
        {
            Interlocked.Increment(ref _challenges);
        }
    }

    public void Resolved() => Interlocked.Increment(ref _resolutions);

    public void Rated() => Interlocked.Increment(ref _ratings);

    /// <summary>A hub call answered <c>ok: false</c>.</summary>
    public void Refused() => Interlocked.Increment(ref _refusals);

    /// <summary>An exception: a failed request, a dropped connection, an answer of the wrong shape.</summary>
    public void Failed() => Interlocked.Increment(ref _errors);

    /// <summary>An <c>itemCreated</c> event reached the facilitator's connection (what the live view would show).</summary>
    public void ItemSeenLive() => Interlocked.Increment(ref _itemsSeenLive);

    public CounterSnapshot Snapshot() => new(
        Volatile.Read(ref _items),
        Volatile.Read(ref _edits),
        Volatile.Read(ref _comments),
        Volatile.Read(ref _challenges),
        Volatile.Read(ref _resolutions),
        Volatile.Read(ref _additions),
        Volatile.Read(ref _merged),
        Volatile.Read(ref _ratings),
        Volatile.Read(ref _refusals),
        Volatile.Read(ref _errors),
        Volatile.Read(ref _itemsSeenLive));
}

/// <summary>The counters at one moment.</summary>
public sealed record CounterSnapshot(
    int Items,
    int Edits,
    int Comments,
    int Challenges,
    int Resolutions,
    int Additions,
    int Merged,
    int Ratings,
    int Refusals,
    int Errors,
    int ItemsSeenLive);

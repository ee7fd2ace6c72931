using System.Collections.Concurrent;
using Quorum.Simulator.Server.Api;

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
    private int _locked;
    private int _lateRatings;
    private int _roundsOpened;
    private int _roundsClosed;
    private int _revisions;
    private int _ratingsSeenLive;
    private readonly ConcurrentDictionary<Guid, ItemStatus> _decided = new();

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

    /// <summary>A tab stopped typing because the item's text was locked (a round took the item into review).</summary>
    public void Locked() => Interlocked.Increment(ref _locked);

    /// <summary>A rating refused because the item's round had closed while the expert was reading it.</summary>
    public void RatedLate() => Interlocked.Increment(ref _lateRatings);

    public void RoundOpened() => Interlocked.Increment(ref _roundsOpened);

    public void RoundClosed() => Interlocked.Increment(ref _roundsClosed);

    /// <summary>A round's close decided an item: the last decision of each item counts.</summary>
    public void Decided(Guid itemId, ItemStatus outcome) => _decided[itemId] = outcome;

    /// <summary>An author revised an item the panel sent back.</summary>
    public void Revised() => Interlocked.Increment(ref _revisions);

    /// <summary>A rating in an open round reached the facilitator's connection as an <c>itemReview</c> event (each rating once).</summary>
    public void RatingSeenLive() => Interlocked.Increment(ref _ratingsSeenLive);

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
        Volatile.Read(ref _itemsSeenLive))
    {
        Locked = Volatile.Read(ref _locked),
        LateRatings = Volatile.Read(ref _lateRatings),
        RoundsOpened = Volatile.Read(ref _roundsOpened),
        RoundsClosed = Volatile.Read(ref _roundsClosed),
        Agreed = _decided.Values.Count(s => s == ItemStatus.Agreed),
        NeedsRevision = _decided.Values.Count(s => s == ItemStatus.NeedsRevision),
        Revisions = Volatile.Read(ref _revisions),
        RatingsSeenLive = Volatile.Read(ref _ratingsSeenLive),
    };
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
    int ItemsSeenLive)
{
    public int Locked { get; init; }

    public int LateRatings { get; init; }

    public int RoundsOpened { get; init; }

    public int RoundsClosed { get; init; }

    /// <summary>Items whose last round's close agreed them.</summary>
    public int Agreed { get; init; }

    /// <summary>Items whose last round's close sent them back for revision.</summary>
    public int NeedsRevision { get; init; }

    public int Revisions { get; init; }

    public int RatingsSeenLive { get; init; }
}

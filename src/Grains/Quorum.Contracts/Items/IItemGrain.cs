using Orleans.Concurrency;
using Quorum.Contracts.Common;
using Quorum.Contracts.Rounds;
using Quorum.Domain;
using Quorum.Contracts.Threads;
using Quorum.Domain.Consensus;
using Quorum.Domain.Items;

namespace Quorum.Contracts.Items;

/// <summary>
/// One item (a question or a scenario): its fields with a revision each, its framework tag, its ratings
/// with incrementally kept tallies, and the index of its discussion threads.
/// </summary>
[Alias("Quorum.IItemGrain")]
public interface IItemGrain : IGrainWithGuidKey
{
    /// <summary>Called once by the panel that creates the item.</summary>
    [Alias("Initialize")]
    Task<ItemView> Initialize(ItemInit init);

    [Alias("Get")]
    Task<Outcome<ItemView>> Get(Guid caller);

    [Alias("SetKeys")]
    Task<Outcome<FieldState>> SetKeys(Guid caller, int baseRevision, IReadOnlyList<int> keys);

    [Alias("SetStatement")]
    Task<Outcome<FieldState>> SetStatement(Guid caller, int baseRevision, string statementId);

    /// <summary>
    /// Adds or replaces the caller's rating in the item's open round; on disk when this returns. The answer is the
    /// caller's view of the ratings, which now includes everyone's distribution (they have rated).
    /// </summary>
    [Alias("Rate")]
    Task<Outcome<ItemReview>> Rate(Guid caller, Rating rating);

    /// <summary>The caller's view of the item's ratings: others' are hidden until the caller has rated or the round has closed.</summary>
    [Alias("GetReview")]
    Task<Outcome<ItemReview>> GetReview(Guid caller);

    /// <summary>A round takes the item into review; refused with the reasons when it cannot enter (status, missing fields).</summary>
    [Alias("EnterRound")]
    Task<RoundEntry> EnterRound(RoundRef round);

    /// <summary>The round closes: the item snapshots its ratings and moves by the rules (idempotent for the same round).</summary>
    [Alias("CloseRound")]
    Task<ItemRoundClose?> CloseRound(Guid roundId, Guid closedBy, string closedByName);

    /// <summary>The item's snapshot of a closed round (its result and ratings), or null when it has none for that round.</summary>
    [Alias("ClosedRound")]
    Task<ItemRoundClose?> ClosedRound(Guid roundId);

    /// <summary>Moves the item by hand (role-gated; overrides need a reason, which is recorded).</summary>
    [Alias("SetStatus")]
    Task<Outcome<ItemSummary>> SetStatus(Guid caller, ItemStatus status, string? reason);

    /// <summary>Opens a new discussion thread on the item with its first comment.</summary>
    [Alias("StartThread")]
    Task<Outcome<ThreadView>> StartThread(Guid caller, string text, bool isChallenge);

    /// <summary>A thread reports its counts after a change.</summary>
    [Alias("ThreadChanged")]
    Task ThreadChanged(ThreadSummary summary);

    /// <summary>Links a question to this scenario (called by the panel when a linked question is created).</summary>
    [Alias("LinkQuestion")]
    Task LinkQuestion(Guid itemId);

    [Alias("GetSummary")]
    Task<ItemSummary?> GetSummary();

    /// <summary>A text field reports its text after edits (throttled), so titles and summaries follow it.</summary>
    [Alias("FieldChanged"), OneWay]
    Task FieldChanged(FieldState state);

    /// <summary>Where a viewer is in the item (which field, cursor and selection), passed on to everyone viewing it.</summary>
    [Alias("Presence"), AlwaysInterleave]
    Task<Outcome<PresenceView>> Presence(Guid caller, PresenceUpdate update);
}

/// <summary>A viewer's position: <paramref name="Field"/> null when in the item but in no field; anchor and head in code points at <paramref name="Revision"/>.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.PresenceUpdate")]
public sealed record PresenceUpdate(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string? Field,
    [property: Id(2)] int Revision,
    [property: Id(3)] int Anchor,
    [property: Id(4)] int Head,
    [property: Id(5)] bool Left);

/// <summary>A viewer's position as others see it; <paramref name="Left"/> when the tab has gone.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.PresenceView")]
public sealed record PresenceView(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] string ClientId,
    [property: Id(2)] Guid PersonId,
    [property: Id(3)] string Name,
    [property: Id(4)] string? Field,
    [property: Id(5)] int Revision,
    [property: Id(6)] int Anchor,
    [property: Id(7)] int Head,
    [property: Id(8)] bool Left,
    [property: Id(9)] DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("Quorum.ItemInit")]
public sealed record ItemInit(
    [property: Id(0)] Guid PanelId,
    [property: Id(1)] Guid AuthorId,
    [property: Id(2)] string AuthorName,
    [property: Id(3)] ItemDraft Draft,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] bool DeferFields = false);

/// <summary>One field's text and the revision it is at. Keys and statement are fields too.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.FieldState")]
public sealed record FieldState(
    [property: Id(0)] string Field,
    [property: Id(1)] string Text,
    [property: Id(2)] int Revision,
    [property: Id(3)] Guid? EditedBy,
    [property: Id(4)] string? EditedByName,
    [property: Id(5)] DateTimeOffset? EditedAt,
    [property: Id(6)] Guid ItemId);

[GenerateSerializer, Immutable, Alias("Quorum.ItemView")]
public sealed record ItemView(
    [property: Id(0)] ItemSummary Summary,
    [property: Id(1)] IReadOnlyList<FieldState> Fields,
    [property: Id(2)] IReadOnlyList<int> Keys,
    [property: Id(3)] int KeysRevision,
    [property: Id(4)] int StatementRevision,
    [property: Id(5)] Rating? MyRating,
    [property: Id(6)] IReadOnlyList<ThreadSummary> Threads,
    [property: Id(7)] IReadOnlyList<Guid> LinkedItems,
    [property: Id(8)] ItemReview Review,
    [property: Id(9)] IReadOnlyList<StatusChange> History,
    [property: Id(10)] IReadOnlyList<InputProblem> Missing);

/// <summary>
/// One person's view of an item's ratings. <paramref name="Current"/> is null (<paramref name="Hidden"/>) until they
/// have rated in the open round, or for everyone once the round has closed; facilitators always see it.
/// <paramref name="Previous"/> is the last closed round's feedback: distribution, anonymous reasons, the person's own rating.
/// </summary>
[GenerateSerializer, Immutable, Alias("Quorum.ItemReview")]
public sealed record ItemReview(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] Guid? RoundId,
    [property: Id(2)] string? RoundName,
    [property: Id(3)] IReadOnlyList<Instrument> Instruments,
    [property: Id(4)] Rating? MyRating,
    [property: Id(5)] bool Hidden,
    [property: Id(6)] RatingStatistics? Current,
    [property: Id(7)] ConsensusDecision? Preview,
    [property: Id(8)] RoundFeedback? Previous,
    [property: Id(9)] IReadOnlyList<string> Disclosure,
    [property: Id(10)] int RatingSeq);

/// <summary>Controlled feedback from a closed round: what the panel said, without names.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.RoundFeedback")]
public sealed record RoundFeedback(
    [property: Id(0)] Guid RoundId,
    [property: Id(1)] string RoundName,
    [property: Id(2)] RatingStatistics Statistics,
    [property: Id(3)] ConsensusDecision Decision,
    [property: Id(4)] ItemStatus Outcome,
    [property: Id(5)] IReadOnlyList<string> Reasons,
    [property: Id(6)] Rating? MyRating,
    [property: Id(7)] DateTimeOffset ClosedAt);

/// <summary>Whether an item entered a round: its summary in review, or what stops it (each with its field).</summary>
[GenerateSerializer, Immutable, Alias("Quorum.RoundEntry")]
public sealed record RoundEntry(
    [property: Id(0)] ItemSummary? Entered,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<InputProblem> Problems);

/// <summary>One move in the item's life: by a round's close or by hand (an override carries its reason).</summary>
[GenerateSerializer, Immutable, Alias("Quorum.StatusChange")]
public sealed record StatusChange(
    [property: Id(0)] ItemStatus From,
    [property: Id(1)] ItemStatus To,
    [property: Id(2)] Guid? ById,
    [property: Id(3)] string? ByName,
    [property: Id(4)] string? Reason,
    [property: Id(5)] Guid? RoundId,
    [property: Id(6)] bool Override,
    [property: Id(7)] DateTimeOffset At);

/// <summary>
/// What facilitators see of an item in an open round, updated with every rating. <paramref name="RatingSeq"/> numbers
/// the item's ratings: a view with a lower number is older.
/// </summary>
[GenerateSerializer, Immutable, Alias("Quorum.ItemLive")]
public sealed record ItemLive(
    [property: Id(0)] Guid RoundId,
    [property: Id(1)] RatingStatistics Current,
    [property: Id(2)] ConsensusDecision Preview,
    [property: Id(3)] DateTimeOffset LastRatedAt,
    [property: Id(4)] int RatingSeq);

/// <summary>
/// What the bank and the live view show of an item. <see cref="LastRound"/> is the last closed round's statistics (seen
/// by all); <see cref="Live"/> the open round's, for facilitators only.
/// </summary>
[GenerateSerializer, Immutable, Alias("Quorum.ItemSummary")]
public sealed record ItemSummary(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] Guid PanelId,
    [property: Id(2)] ItemKind Kind,
    [property: Id(3)] ItemStatus Status,
    [property: Id(4)] string StatementId,
    [property: Id(5)] Guid AuthorId,
    [property: Id(6)] string AuthorName,
    [property: Id(7)] string Title,
    [property: Id(8)] int Comments,
    [property: Id(9)] int OpenChallenges,
    [property: Id(10)] Guid? RoundId,
    [property: Id(11)] int Rounds,
    [property: Id(12)] Guid? ScenarioId,
    [property: Id(13)] DateTimeOffset CreatedAt,
    [property: Id(14)] DateTimeOffset UpdatedAt,
    [property: Id(15)] RatingStatistics? LastRound,
    [property: Id(16)] ItemLive? Live)
{
    /// <summary>The summary as an expert may receive it: without the open round's ratings.</summary>
    public ItemSummary ForExperts() => Live is null ? this : this with { Live = null };
}

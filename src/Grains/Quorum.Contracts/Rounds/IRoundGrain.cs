using Quorum.Contracts.Common;
using Quorum.Domain;
using Quorum.Domain.Consensus;
using Quorum.Domain.Items;

namespace Quorum.Contracts.Rounds;

/// <summary>
/// One Delphi review round over a set of items. Opened by the panel; closed by a facilitator, when each item takes a
/// snapshot of its ratings and moves by the panel's rules. A closed round never changes again.
/// </summary>
[Alias("Quorum.IRoundGrain")]
public interface IRoundGrain : IGrainWithGuidKey
{
    /// <summary>Called once by the panel: takes the items into review (those that cannot enter are reported, not taken).</summary>
    [Alias("Open")]
    Task<Outcome<RoundView>> Open(RoundInit init);

    [Alias("Get")]
    Task<Outcome<RoundView>> Get(Guid caller);

    /// <summary>
    /// The panel statistics of a chosen set of the closed round's items (for example the items of one exam form):
    /// agreement per instrument, scale CVI, and the Angoff cut score with its standard error.
    /// </summary>
    [Alias("StatisticsFor")]
    Task<Outcome<PanelStatistics>> StatisticsFor(Guid caller, IReadOnlyList<Guid> itemIds);

    /// <summary>Closes the round (facilitators only): every item snapshots its ratings and is decided by the rules.</summary>
    [Alias("Close")]
    Task<Outcome<RoundView>> Close(Guid caller);
}

public enum RoundStatus
{
    Open = 0,

    /// <summary>Closing has begun: items are taking their snapshots. Resumed on activation if interrupted.</summary>
    Closing = 1,
    Closed = 2,
}

[GenerateSerializer, Immutable, Alias("Quorum.RoundInit")]
public sealed record RoundInit(
    [property: Id(0)] Guid PanelId,
    [property: Id(1)] int Number,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyList<Guid> ItemIds,
    [property: Id(4)] ReviewSettings Settings,
    [property: Id(5)] Guid OpenedBy,
    [property: Id(6)] DateTimeOffset At);

/// <summary>What a facilitator asks a round to cover: hand-picked items, or every item of a statement and/or status.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.RoundRequest")]
public sealed record RoundRequest(
    [property: Id(0)] string? Name,
    [property: Id(1)] IReadOnlyList<Guid>? ItemIds,
    [property: Id(2)] string? StatementId,
    [property: Id(3)] ItemStatus? Status);

/// <summary>What the item grain is told when a round takes it into review.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.RoundRef")]
public sealed record RoundRef(
    [property: Id(0)] Guid RoundId,
    [property: Id(1)] int Number,
    [property: Id(2)] string Name,
    [property: Id(3)] ReviewSettings Settings,
    [property: Id(4)] Guid OpenedBy,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] Guid PanelId);

/// <summary>An item that could not enter the round, and why.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.RoundRefusal")]
public sealed record RoundRefusal(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<InputProblem> Problems);

[GenerateSerializer, Immutable, Alias("Quorum.RoundView")]
public sealed record RoundView(
    [property: Id(0)] Guid RoundId,
    [property: Id(1)] Guid PanelId,
    [property: Id(2)] int Number,
    [property: Id(3)] string Name,
    [property: Id(4)] RoundStatus Status,
    [property: Id(5)] IReadOnlyList<Guid> ItemIds,
    [property: Id(6)] ReviewSettings Settings,
    [property: Id(7)] DateTimeOffset OpenedAt,
    [property: Id(8)] DateTimeOffset? ClosedAt,
    [property: Id(9)] IReadOnlyList<RoundRefusal> Refused,
    [property: Id(10)] RoundResults? Results);

/// <summary>The snapshot a round leaves: each item's statistics and decision, and the panel statistics.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.RoundResults")]
public sealed record RoundResults(
    [property: Id(0)] IReadOnlyList<RoundItemResult> Items,
    [property: Id(1)] PanelStatistics Overall,
    [property: Id(2)] IReadOnlyList<StatementStatistics> ByStatement);

[GenerateSerializer, Immutable, Alias("Quorum.StatementStatistics")]
public sealed record StatementStatistics(
    [property: Id(0)] string StatementId,
    [property: Id(1)] PanelStatistics Statistics);

/// <summary>One item's part of a closed round.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.RoundItemResult")]
public sealed record RoundItemResult(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] string StatementId,
    [property: Id(2)] bool IsQuestion,
    [property: Id(3)] RatingStatistics Statistics,
    [property: Id(4)] ConsensusDecision Decision,
    [property: Id(5)] ItemStatus Outcome,
    [property: Id(6)] double? Stability);

/// <summary>What an item hands its round at close: its result, and its ratings for the panel statistics (not stored by the round).</summary>
[GenerateSerializer, Immutable, Alias("Quorum.ItemRoundClose")]
public sealed record ItemRoundClose(
    [property: Id(0)] RoundItemResult Result,
    [property: Id(1)] IReadOnlyDictionary<Guid, Rating> Ratings);

/// <summary>A round as the panel lists it.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.RoundSummary")]
public sealed record RoundSummary(
    [property: Id(0)] Guid RoundId,
    [property: Id(1)] int Number,
    [property: Id(2)] string Name,
    [property: Id(3)] RoundStatus Status,
    [property: Id(4)] int Items,
    [property: Id(5)] DateTimeOffset OpenedAt,
    [property: Id(6)] DateTimeOffset? ClosedAt);

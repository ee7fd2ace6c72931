using Orleans.Concurrency;
using Quorum.Contracts.Common;
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

    /// <summary>Adds or replaces the caller's rating.</summary>
    [Alias("Rate")]
    Task<Outcome<RatingStatistics>> Rate(Guid caller, Rating rating);

    /// <summary>Closes (or reopens) review: ratings can no longer change. Facilitators only.</summary>
    [Alias("SetReviewClosed")]
    Task<Outcome<ItemSummary>> SetReviewClosed(Guid caller, bool closed);

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
    [property: Id(4)] DateTimeOffset CreatedAt);

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
    [property: Id(7)] IReadOnlyList<Guid> LinkedItems);

/// <summary>What the bank and the live view show of an item.</summary>
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
    [property: Id(10)] RatingStatistics Ratings,
    [property: Id(11)] bool ReviewClosed,
    [property: Id(12)] Guid? ScenarioId,
    [property: Id(13)] DateTimeOffset CreatedAt,
    [property: Id(14)] DateTimeOffset UpdatedAt);

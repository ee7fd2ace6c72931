using Quorum.Contracts.Items;
using Quorum.Contracts.Rounds;
using Quorum.Contracts.Threads;
using Quorum.Domain.Consensus;
using Quorum.Domain.Items;

namespace Quorum.Grains.Items;

[GenerateSerializer]
public sealed class ItemState
{
    [Id(0)] public Guid PanelId { get; set; }
    [Id(1)] public ItemKind Kind { get; set; }
    [Id(2)] public ItemStatus Status { get; set; }
    [Id(3)] public string StatementId { get; set; } = string.Empty;
    [Id(4)] public int StatementRevision { get; set; }
    [Id(5)] public Dictionary<string, FieldRecord> Fields { get; set; } = [];
    [Id(6)] public List<int> Keys { get; set; } = [];
    [Id(7)] public int KeysRevision { get; set; }
    [Id(8)] public Guid AuthorId { get; set; }
    [Id(9)] public string AuthorName { get; set; } = string.Empty;
    [Id(10)] public Guid? ScenarioId { get; set; }
    [Id(11)] public List<Guid> LinkedItems { get; set; } = [];

    /// <summary>The open round the item is in, with the settings it was opened with; null when not in review.</summary>
    [Id(12)] public RoundRef? CurrentRound { get; set; }

    /// <summary>Each panellist's rating in the open round; the tally is kept alongside so statistics cost O(1).</summary>
    [Id(13)] public Dictionary<Guid, Rating> Ratings { get; set; } = [];
    [Id(14)] public RatingTally Tally { get; set; } = new();
    [Id(15)] public Dictionary<Guid, ThreadSummary> Threads { get; set; } = [];
    [Id(16)] public DateTimeOffset CreatedAt { get; set; }
    [Id(17)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The number of the last rating of the journal that this state includes.</summary>
    [Id(18)] public int RatingSeq { get; set; }
    [Id(19)] public DateTimeOffset? LastRatedAt { get; set; }

    /// <summary>Closed rounds, oldest first: immutable once added.</summary>
    [Id(20)] public List<ItemRoundRecord> PastRounds { get; set; } = [];
    [Id(21)] public List<StatusChange> History { get; set; } = [];
}

/// <summary>The item's part of a closed round: every rating as it stood at the close, and what the rules decided.</summary>
[GenerateSerializer]
public sealed class ItemRoundRecord
{
    [Id(0)] public Guid RoundId { get; set; }
    [Id(1)] public string Name { get; set; } = string.Empty;
    [Id(2)] public Dictionary<Guid, Rating> Ratings { get; set; } = [];

    /// <summary>
    /// A new instance, never <see cref="RatingStatistics.Empty"/>: grain storage fills an existing value in place when
    /// it reads a state, so a shared default would end up holding the figures of whichever item was read last.
    /// </summary>
    [Id(3)] public RatingStatistics Statistics { get; set; } = new RatingTally().Statistics();
    [Id(4)] public ConsensusDecision Decision { get; set; } = new(false, []);
    [Id(5)] public ItemStatus Outcome { get; set; }
    [Id(6)] public DateTimeOffset ClosedAt { get; set; }

    /// <summary>Share of those who rated in this round and the item's previous one who answered the same; null when none did.</summary>
    [Id(7)] public double? Stability { get; set; }
}

/// <summary>
/// The item's copy of one text field, for titles, summaries and exports. The field grain is the authority and
/// reports its text here after edits (at most about once a second); this copy may trail it by that much.
/// </summary>
[GenerateSerializer]
public sealed class FieldRecord
{
    [Id(0)] public string Text { get; set; } = string.Empty;
    [Id(1)] public int Revision { get; set; }
    [Id(2)] public Guid? EditedBy { get; set; }
    [Id(3)] public string? EditedByName { get; set; }
    [Id(4)] public DateTimeOffset? EditedAt { get; set; }
}

namespace Quorum.Simulator.Server.Api;

// Delphi review rounds: opened and closed by facilitators (OpenRound, CloseRound, ListRounds, GetDashboard).

/// <summary>What a round covers: hand-picked <see cref="ItemIds"/>, or every item of a statement and/or status.</summary>
public sealed record RoundRequest(string? Name, IReadOnlyList<Guid>? ItemIds, string? StatementId, ItemStatus? Status);

/// <summary>A round; <see cref="Refused"/> lists the items asked for that could not enter, <see cref="Results"/> is there once it has closed.</summary>
public sealed record RoundView(
    Guid RoundId,
    Guid PanelId,
    int Number,
    string Name,
    RoundStatus Status,
    IReadOnlyList<Guid> ItemIds,
    ReviewSettings Settings,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<RoundRefusal> Refused,
    RoundResults? Results);

public sealed record RoundRefusal(Guid ItemId, string Title, IReadOnlyList<InputProblem> Problems);

/// <summary>What a closed round leaves: each item's statistics, decision and the status it moved to (the panel statistics are not read).</summary>
public sealed record RoundResults(IReadOnlyList<RoundItemResult> Items);

public sealed record RoundItemResult(Guid ItemId, string StatementId, bool IsQuestion, RatingStatistics Statistics, ConsensusDecision Decision, ItemStatus Outcome);

/// <summary>A round as the panel lists it, and as <c>roundChanged</c> announces it.</summary>
public sealed record RoundSummary(Guid RoundId, int Number, string Name, RoundStatus Status, int Items, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

/// <summary>The facilitators' dashboard, as far as the simulated facilitator reads it: the items with the open rounds' ratings, and the rounds.</summary>
public sealed record DashboardView(IReadOnlyList<ItemSummary> Items, IReadOnlyList<RoundSummary> Rounds, ReviewSettings Settings, DateTimeOffset At);

/// <summary>How a panel reviews: the instruments it rates on, the rules that decide at a round's close, pseudonymity.</summary>
public sealed record ReviewSettings(IReadOnlyList<Instrument> Instruments, ConsensusRules Rules, bool Pseudonymous);

/// <summary>When an item counts as agreed at the close of a round; a null threshold is not applied.</summary>
public sealed record ConsensusRules(bool RequireCriticalCvr, double? MinItemCvi, double? MinKeyAgreement, double? MinClarityAgreement, int MinRaters);

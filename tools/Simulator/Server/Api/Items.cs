namespace Quorum.Simulator.Server.Api;

// Items, their fields and the bank, as docs/api.md describes them.

/// <summary>
/// A new item. A single best answer has 4 options and 1 key, a multiple response 8 options and 3 keys;
/// a scenario has only a vignette (stem and rationale stay null).
/// </summary>
public sealed record ItemDraft(
    ItemKind Kind,
    string StatementId,
    string? Stem,
    IReadOnlyList<string> Options,
    IReadOnlyList<int> Keys,
    string? Rationale,
    string? Vignette,
    Guid? ScenarioId);

/// <summary>
/// An item opened by one person. <see cref="Review"/> is that person's view of the ratings; <see cref="Missing"/>
/// lists what the item still lacks to leave Draft (empty once it is complete, and outside drafting).
/// </summary>
public sealed record ItemView(
    ItemSummary Summary,
    IReadOnlyList<FieldState> Fields,
    IReadOnlyList<int> Keys,
    int KeysRevision,
    int StatementRevision,
    Rating? MyRating,
    IReadOnlyList<ThreadSummary> Threads,
    IReadOnlyList<Guid> LinkedItems,
    ItemReview Review,
    IReadOnlyList<InputProblem> Missing)
{
    /// <summary>A text field as the view shows it; one the view leaves out is taken as empty at revision 0.</summary>
    public FieldState TextField(string field) =>
        Fields.FirstOrDefault(f => f.Field == field) ?? new FieldState(field, string.Empty, 0, null, null, null);
}

public sealed record FieldState(string Field, string Text, int Revision, Guid? EditedBy, string? EditedByName, DateTimeOffset? EditedAt);

/// <summary>A required field an item lacks, or a wrong one: its name and what to do.</summary>
public sealed record InputProblem(string Field, string Message);

/// <summary>
/// What the bank and the live view show of an item. <see cref="RoundId"/> is the open round it is in, if any;
/// <see cref="Rounds"/> the rounds it has been through; <see cref="LastRound"/> the last closed round's statistics;
/// <see cref="Live"/> the open round's ratings, sent to facilitators only.
/// </summary>
public sealed record ItemSummary(
    Guid ItemId,
    Guid PanelId,
    ItemKind Kind,
    ItemStatus Status,
    string StatementId,
    Guid AuthorId,
    string AuthorName,
    string Title,
    int Comments,
    int OpenChallenges,
    Guid? RoundId,
    int Rounds,
    Guid? ScenarioId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    RatingStatistics? LastRound,
    ItemLive? Live)
{
    /// <summary>True while the item's text may be edited: it is being written or revised.</summary>
    public bool IsEditable => Status is ItemStatus.Draft or ItemStatus.NeedsRevision;
}

/// <summary>The open round's ratings of an item as facilitators see them; a lower <see cref="RatingSeq"/> is an older view.</summary>
public sealed record ItemLive(Guid RoundId, RatingStatistics Current, ConsensusDecision Preview, DateTimeOffset LastRatedAt, int RatingSeq);

/// <summary>An item's ratings in one round, per instrument; each instrument's figures count only those who answered it.</summary>
public sealed record RatingStatistics(
    int Raters,
    int Essential,
    int UsefulNotEssential,
    int NotNecessary,
    IReadOnlyList<int> Relevance,
    int KeyAgree,
    int KeyDisagree,
    double ContentValidityRatio,
    int? CriticalEssential,
    double? CriticalRatio,
    bool MeetsCriticalValue,
    double ItemContentValidityIndex,
    double ModifiedKappa,
    IReadOnlyList<int> Clarity,
    double? ClarityAgreement,
    double? KeyAgreement,
    IReadOnlyList<int> Angoff,
    double? AngoffMean,
    double? AngoffSd);

/// <summary>What the panel's rules say of an item: agreed, or not with the checks it failed.</summary>
public sealed record ConsensusDecision(bool Agreed, IReadOnlyList<RuleCheck> Checks);

/// <summary>One rule applied to one item (<c>raters</c>, <c>cvr</c>, <c>icvi</c>, <c>key</c>, <c>clarity</c>).</summary>
public sealed record RuleCheck(string Rule, bool Met, double? Value, double? Threshold, string Text);

/// <summary>
/// One person's view of an item's ratings. In an open round (<see cref="RoundId"/>) others' ratings are
/// <see cref="Hidden"/> until the person has rated; <see cref="Previous"/> is the last closed round's feedback.
/// </summary>
public sealed record ItemReview(
    Guid ItemId,
    Guid? RoundId,
    string? RoundName,
    IReadOnlyList<Instrument> Instruments,
    Rating? MyRating,
    bool Hidden,
    RatingStatistics? Current,
    ConsensusDecision? Preview,
    RoundFeedback? Previous,
    IReadOnlyList<string> Disclosure,
    int RatingSeq);

/// <summary>Controlled feedback from a closed round: the distribution, the decision, the reasons without names, and one's own rating.</summary>
public sealed record RoundFeedback(
    Guid RoundId,
    string RoundName,
    RatingStatistics Statistics,
    ConsensusDecision Decision,
    ItemStatus Outcome,
    IReadOnlyList<string> Reasons,
    Rating? MyRating,
    DateTimeOffset ClosedAt);

public sealed record BankView(IReadOnlyList<ItemSummary> Items, IReadOnlyList<StatementCount> Statements);

public sealed record StatementCount(string StatementId, int Items, int MeetingCriticalValue);

/// <summary>
/// One panellist's judgement, on the instruments the panel uses (the others stay null); <see cref="KeyCorrect"/>
/// and <see cref="Angoff"/> are for questions only.
/// </summary>
public sealed record Rating(Essentiality? Essentiality, int? Relevance, bool? KeyCorrect, string? Reason, int? Clarity, int? Angoff);

/// <summary>Field names the hub addresses (options are <c>option0</c>..<c>option7</c>).</summary>
public static class FieldNames
{
    public const string Stem = "stem";
    public const string Rationale = "rationale";
    public const string Vignette = "vignette";
}

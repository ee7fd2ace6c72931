namespace Quorum.Simulator.Server.Api;

// The enums of docs/api.md; they travel as camelCase strings (see QuorumJson).

public enum ItemKind
{
    SingleBestAnswer,
    MultipleResponse,
    Scenario,
}

public enum ItemStatus
{
    Draft,
    InReview,
    NeedsRevision,
    Agreed,
    Final,
    Withdrawn,
}

public enum Essentiality
{
    Essential,
    UsefulNotEssential,
    NotNecessary,
}

/// <summary>A question a panellist answers about an item; each panel rates on the ones it chose.</summary>
public enum Instrument
{
    Essentiality,
    Relevance,
    KeyCorrect,
    Clarity,
    Angoff,
}

public enum RoundStatus
{
    Open,

    /// <summary>A facilitator has begun closing it: its items are taking their snapshots.</summary>
    Closing,
    Closed,
}

public enum PanelRole
{
    Expert,
    Facilitator,
}

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

public enum PanelRole
{
    Expert,
    Facilitator,
}

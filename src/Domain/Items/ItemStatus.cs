namespace Quorum.Domain.Items;

/// <summary>Where an item is in its life; transitions are gated by role (the consensus issue deepens this).</summary>
public enum ItemStatus
{
    Draft = 0,
    InReview = 1,
    NeedsRevision = 2,
    Agreed = 3,
    Final = 4,
    Withdrawn = 5,
}

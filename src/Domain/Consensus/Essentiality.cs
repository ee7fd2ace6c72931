namespace Quorum.Domain.Consensus;

/// <summary>Lawshe's three-point essentiality scale.</summary>
public enum Essentiality
{
    Essential = 0,
    UsefulNotEssential = 1,
    NotNecessary = 2,
}

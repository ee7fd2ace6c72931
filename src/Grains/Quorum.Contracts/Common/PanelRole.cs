namespace Quorum.Contracts.Common;

/// <summary>A person's role in one panel.</summary>
[GenerateSerializer]
public enum PanelRole
{
    Expert = 0,
    Facilitator = 1,
}

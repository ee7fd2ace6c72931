using Quorum.Contracts.Common;
using Quorum.Domain.Frameworks;
using Quorum.Domain.Items;

namespace Quorum.Grains.Panels;

[GenerateSerializer]
public sealed class PanelState
{
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public Framework? Framework { get; set; }
    [Id(2)] public List<string> Groups { get; set; } = [];
    [Id(3)] public Dictionary<Guid, MemberRecord> Members { get; set; } = [];

    /// <summary>The item index: small, written once per new item. Live statistics live in the items.</summary>
    [Id(4)] public Dictionary<Guid, IndexEntry> Items { get; set; } = [];
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
}

[GenerateSerializer]
public sealed class MemberRecord
{
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public string Group { get; set; } = string.Empty;
    [Id(2)] public string? Email { get; set; }
    [Id(3)] public PanelRole Role { get; set; }

    /// <summary>Hash of the member's current sign-in link; null once revoked.</summary>
    [Id(4)] public string? InviteHash { get; set; }
    [Id(5)] public bool Removed { get; set; }
}

[GenerateSerializer]
public sealed class IndexEntry
{
    [Id(0)] public ItemKind Kind { get; set; }
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }
}

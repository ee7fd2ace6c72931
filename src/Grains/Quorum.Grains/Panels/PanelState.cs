using Quorum.Contracts.Common;
using Quorum.Contracts.Rounds;
using Quorum.Domain.Consensus;
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

    /// <summary>Instruments, consensus rules and pseudonymity; null in panels from before they existed (the defaults).</summary>
    [Id(6)] public ReviewSettings? Review { get; set; }
    [Id(7)] public List<RoundSummary> Rounds { get; set; } = [];

    /// <summary>Agreed items wanted per framework statement.</summary>
    [Id(8)] public Dictionary<string, int> CoverageTargets { get; set; } = [];

    /// <summary>The last pseudonym number given in each group.</summary>
    [Id(9)] public Dictionary<string, int> PseudonymCounters { get; set; } = [];
}

/// <summary>
/// Who contributed what, kept apart from the panel's settings so that counting does not rewrite them. Saved a few
/// seconds after a change; a crash can lose those seconds of counts, which are monitoring, not records (every
/// rating, comment and item itself is stored by its own grain).
/// </summary>
[GenerateSerializer]
public sealed class PanelActivity
{
    [Id(0)] public Dictionary<Guid, MemberActivity> Members { get; set; } = [];
}

[GenerateSerializer]
public sealed class MemberActivity
{
    [Id(0)] public int Items { get; set; }
    [Id(1)] public int Comments { get; set; }
    [Id(2)] public int Challenges { get; set; }
    [Id(3)] public int Ratings { get; set; }
    [Id(4)] public DateTimeOffset? LastActive { get; set; }
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

    /// <summary>How peers see an expert in a pseudonymous panel ("Academic 7"); given at invitation, never changed.</summary>
    [Id(6)] public string? Pseudonym { get; set; }
}

[GenerateSerializer]
public sealed class IndexEntry
{
    [Id(0)] public ItemKind Kind { get; set; }
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }
}

namespace Quorum.Simulator.Server.Api;

// Panels, their framework, groups and members (REST and JoinPanel).

public sealed record Framework(string Id, string Title, string? Publisher, string? Source, IReadOnlyList<FrameworkStatement> Statements);

public sealed record FrameworkStatement(string Id, int Number, string Title);

public sealed record CreatePanelRequest(string Name, string FrameworkId);

public sealed record AddGroupRequest(string Name);

/// <summary>Members are listed for facilitators only, so the list may be absent.</summary>
public sealed record PanelView(
    Guid PanelId,
    string Name,
    Framework Framework,
    IReadOnlyList<string> Groups,
    PanelRole MyRole,
    Guid MyPersonId,
    IReadOnlyList<MemberView>? Members,
    int ItemCount,
    ReviewSettings Review,
    IReadOnlyList<RoundSummary> Rounds);

public sealed record MemberView(Guid PersonId, string Name, string Group, string? Email, PanelRole Role, bool LinkActive, bool Removed);

public sealed record InviteRequest(string Name, string Group, string? Email, PanelRole Role);

/// <summary>The answer to an invite: the link is shown once.</summary>
public sealed record InviteIssued(MemberView Member, string Link);

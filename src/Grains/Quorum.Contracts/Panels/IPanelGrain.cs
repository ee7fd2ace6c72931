using Orleans.Concurrency;
using Quorum.Contracts.Common;
using Quorum.Contracts.Items;
using Quorum.Domain.Frameworks;
using Quorum.Domain.Items;

namespace Quorum.Contracts.Panels;

/// <summary>
/// A panel: its settings, framework, groups, members and the index of its items.
/// Every method that a person triggers takes the caller's person id and checks it here.
/// </summary>
[Alias("Quorum.IPanelGrain")]
public interface IPanelGrain : IGrainWithGuidKey
{
    /// <summary>Sets the panel up; the caller must be allowed to create panels and becomes its facilitator.</summary>
    [Alias("Create")]
    Task<Outcome<PanelView>> Create(Guid caller, string name, Framework framework);

    [Alias("GetView")]
    Task<Outcome<PanelView>> GetView(Guid caller);

    [Alias("Invite")]
    Task<Outcome<InviteIssued>> Invite(Guid caller, InviteRequest request);

    /// <summary>Issues a new personal link for a member; the old one stops working.</summary>
    [Alias("ReissueInvite")]
    Task<Outcome<InviteIssued>> ReissueInvite(Guid caller, Guid personId);

    [Alias("RevokeInvite")]
    Task<Outcome<MemberView>> RevokeInvite(Guid caller, Guid personId);

    [Alias("RemoveMember")]
    Task<Outcome<MemberView>> RemoveMember(Guid caller, Guid personId);

    [Alias("AddGroup")]
    Task<Outcome<PanelView>> AddGroup(Guid caller, string group);

    /// <summary>The caller's access to this panel, or null when they are not an active member.</summary>
    [Alias("GetAccess"), AlwaysInterleave]
    Task<PanelAccess?> GetAccess(Guid personId);

    /// <summary>True when the panel's framework has this statement (interleaves: items ask while the panel may be asking them).</summary>
    [Alias("HasStatement"), AlwaysInterleave]
    Task<bool> HasStatement(string statementId);

    /// <summary>Writes a new item (or scenario) into the bank.</summary>
    [Alias("CreateItem")]
    Task<Outcome<ItemView>> CreateItem(Guid caller, ItemDraft draft);

    /// <summary>The bank, optionally filtered by statement and status, with each item's statistics.</summary>
    [Alias("ListItems")]
    Task<Outcome<BankView>> ListItems(Guid caller, string? statementId, ItemStatus? status);

    /// <summary>An item reports its new summary (no storage write: summaries are rebuilt from items on activation).</summary>
    [Alias("ItemChanged"), OneWay]
    Task ItemChanged(ItemSummary summary);
}

[GenerateSerializer, Immutable, Alias("Quorum.PanelAccess")]
public sealed record PanelAccess(
    [property: Id(0)] Guid PanelId,
    [property: Id(1)] Guid PersonId,
    [property: Id(2)] PanelRole Role,
    [property: Id(3)] string Name,
    [property: Id(4)] string Group)
{
    public bool IsFacilitator => Role == PanelRole.Facilitator;
}

[GenerateSerializer, Immutable, Alias("Quorum.InviteRequest")]
public sealed record InviteRequest(
    [property: Id(0)] string Name,
    [property: Id(1)] string Group,
    [property: Id(2)] string? Email,
    [property: Id(3)] PanelRole Role);

/// <summary>A new personal sign-in token; shown once to the facilitator, stored only hashed.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.InviteIssued")]
public sealed record InviteIssued(
    [property: Id(0)] MemberView Member,
    [property: Id(1)] string Token);

[GenerateSerializer, Immutable, Alias("Quorum.MemberView")]
public sealed record MemberView(
    [property: Id(0)] Guid PersonId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Group,
    [property: Id(3)] string? Email,
    [property: Id(4)] PanelRole Role,
    [property: Id(5)] bool LinkActive,
    [property: Id(6)] bool Removed);

[GenerateSerializer, Immutable, Alias("Quorum.PanelView")]
public sealed record PanelView(
    [property: Id(0)] Guid PanelId,
    [property: Id(1)] string Name,
    [property: Id(2)] Framework Framework,
    [property: Id(3)] IReadOnlyList<string> Groups,
    [property: Id(4)] PanelRole MyRole,
    [property: Id(5)] Guid MyPersonId,
    [property: Id(6)] IReadOnlyList<MemberView> Members,
    [property: Id(7)] int ItemCount);

/// <summary>The bank as a facilitator or expert lists it, with counts per framework statement.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.BankView")]
public sealed record BankView(
    [property: Id(0)] IReadOnlyList<ItemSummary> Items,
    [property: Id(1)] IReadOnlyList<StatementCount> Statements);

[GenerateSerializer, Immutable, Alias("Quorum.StatementCount")]
public sealed record StatementCount(
    [property: Id(0)] string StatementId,
    [property: Id(1)] int Items,
    [property: Id(2)] int MeetingCriticalValue);

/// <summary>The seed frameworks that ship with Quorum.</summary>
public static class PanelGroups
{
    public static readonly IReadOnlyList<string> Defaults = ["Frontline practitioner", "Sector leader", "Lawyer", "Academic"];
}

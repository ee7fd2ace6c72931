using Orleans.Concurrency;
using Quorum.Contracts.Common;
using Quorum.Contracts.Items;
using Quorum.Contracts.Rounds;
using Quorum.Domain.Consensus;
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

    /// <summary>
    /// Writes many items at once (an import): every draft is checked first and none is written unless all pass; the
    /// answer is the new items' summaries in the drafts' order.
    /// </summary>
    [Alias("ImportItems")]
    Task<Outcome<IReadOnlyList<ItemSummary>>> ImportItems(Guid caller, IReadOnlyList<ItemDraft> drafts);

    /// <summary>The bank, optionally filtered by statement and status, with each item's statistics.</summary>
    [Alias("ListItems")]
    Task<Outcome<BankView>> ListItems(Guid caller, string? statementId, ItemStatus? status);

    /// <summary>An item reports its new summary (no storage write: summaries are rebuilt from items on activation).</summary>
    [Alias("ItemChanged"), OneWay]
    Task ItemChanged(ItemSummary summary);

    /// <summary>An item reports a rating: its new summary, and who rated (<paramref name="first"/> unless they changed a rating).</summary>
    [Alias("ItemRated"), OneWay]
    Task ItemRated(ItemSummary summary, Guid raterId, bool first);

    /// <summary>A thread reports a comment or challenge, for every-voice-heard monitoring.</summary>
    [Alias("Contributed"), OneWay]
    Task Contributed(Guid personId, bool isChallenge);

    /// <summary>Sets the instruments, consensus rules and pseudonymity (facilitators; pseudonymity only before the first item).</summary>
    [Alias("SetReview")]
    Task<Outcome<PanelView>> SetReview(Guid caller, ReviewSettings settings);

    /// <summary>How many agreed items the facilitators want for a statement (0 clears the target).</summary>
    [Alias("SetCoverageTarget")]
    Task<Outcome<DashboardView>> SetCoverageTarget(Guid caller, string statementId, int target);

    /// <summary>Opens a review round over hand-picked items, or those of a statement and/or status (facilitators).</summary>
    [Alias("OpenRound")]
    Task<Outcome<RoundView>> OpenRound(Guid caller, RoundRequest request);

    [Alias("ListRounds")]
    Task<Outcome<IReadOnlyList<RoundSummary>>> ListRounds(Guid caller);

    /// <summary>A round reports that it opened, began closing or closed.</summary>
    [Alias("RoundChanged")]
    Task RoundChanged(RoundSummary round);

    /// <summary>Everything the facilitators' dashboard shows (facilitators only).</summary>
    [Alias("GetDashboard")]
    Task<Outcome<DashboardView>> GetDashboard(Guid caller);
}

/// <summary>The facilitators' dashboard: items with the open round's ratings, rounds, coverage, voices and attention.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.DashboardView")]
public sealed record DashboardView(
    [property: Id(0)] IReadOnlyList<ItemSummary> Items,
    [property: Id(1)] IReadOnlyList<RoundSummary> Rounds,
    [property: Id(2)] IReadOnlyList<CoverageLine> Coverage,
    [property: Id(3)] IReadOnlyList<GroupVoice> Voice,
    [property: Id(4)] IReadOnlyList<ExpertActivity> Experts,
    [property: Id(5)] IReadOnlyList<AttentionItem> Attention,
    [property: Id(6)] ReviewSettings Settings,
    [property: Id(7)] DateTimeOffset At);

/// <summary>The panel's review settings changed: what every member is shown, with the disclosure in words.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.ReviewChange")]
public sealed record ReviewChange(
    [property: Id(0)] ReviewSettings Review,
    [property: Id(1)] IReadOnlyList<string> Disclosure);

/// <summary>Contributions per group and expert, pushed to facilitators as they change.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.VoiceChange")]
public sealed record VoiceChange(
    [property: Id(0)] Guid PanelId,
    [property: Id(1)] IReadOnlyList<GroupVoice> Voice,
    [property: Id(2)] IReadOnlyList<ExpertActivity> Experts);

/// <summary>Items were imported into the bank: reload it.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.ItemsImported")]
public sealed record ItemsImported(
    [property: Id(0)] Guid PanelId,
    [property: Id(1)] int Count);

/// <summary>Agreed (or final) items of a statement against the facilitators' target.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.CoverageLine")]
public sealed record CoverageLine(
    [property: Id(0)] string StatementId,
    [property: Id(1)] int Items,
    [property: Id(2)] int Agreed,
    [property: Id(3)] int? Target);

[GenerateSerializer, Immutable, Alias("Quorum.ExpertActivity")]
public sealed record ExpertActivity(
    [property: Id(0)] Guid PersonId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Pseudonym,
    [property: Id(3)] string Group,
    [property: Id(4)] Contributions Contributions,
    [property: Id(5)] DateTimeOffset? LastActive);

[GenerateSerializer, Immutable, Alias("Quorum.AttentionItem")]
public sealed record AttentionItem(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<string> Reasons);

/// <summary>
/// A member's access to a panel. <see cref="Name"/> is the name others see: in a pseudonymous panel an expert's
/// pseudonym ("Academic 7"), never the real name, so anything a grain stamps with it is safe to show every member.
/// </summary>
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
    [property: Id(6)] bool Removed,
    [property: Id(7)] string? Pseudonym);

[GenerateSerializer, Immutable, Alias("Quorum.PanelView")]
public sealed record PanelView(
    [property: Id(0)] Guid PanelId,
    [property: Id(1)] string Name,
    [property: Id(2)] Framework Framework,
    [property: Id(3)] IReadOnlyList<string> Groups,
    [property: Id(4)] PanelRole MyRole,
    [property: Id(5)] Guid MyPersonId,
    [property: Id(6)] IReadOnlyList<MemberView> Members,
    [property: Id(7)] int ItemCount,
    [property: Id(8)] ReviewSettings Review,
    [property: Id(9)] IReadOnlyList<string> Disclosure,
    [property: Id(10)] string MyDisplayName,
    [property: Id(11)] IReadOnlyList<RoundSummary> Rounds);

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

using Quorum.Contracts.Common;

namespace Quorum.Contracts.Experts;

/// <summary>
/// A person: an expert or a facilitator, keyed by a random person id. Holds the profile, the panels the
/// person belongs to, and a session stamp that signs every session out when it changes.
/// </summary>
[Alias("Quorum.IExpertGrain")]
public interface IExpertGrain : IGrainWithGuidKey
{
    [Alias("GetProfile")]
    Task<ExpertProfile?> GetProfile();

    /// <summary>Creates or updates the profile (called by the panel that invites the person, or by bootstrap).</summary>
    [Alias("SetProfile")]
    Task<ExpertProfile> SetProfile(string name, string? email, bool canCreatePanels);

    [Alias("AddMembership")]
    Task AddMembership(Guid panelId, string panelName, PanelRole role);

    [Alias("RemoveMembership")]
    Task RemoveMembership(Guid panelId);

    /// <summary>Ends every session of this person (a new stamp invalidates old cookies).</summary>
    [Alias("RotateSessionStamp")]
    Task<string> RotateSessionStamp();
}

[GenerateSerializer, Immutable, Alias("Quorum.ExpertProfile")]
public sealed record ExpertProfile(
    [property: Id(0)] Guid PersonId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Email,
    [property: Id(3)] bool CanCreatePanels,
    [property: Id(4)] string SessionStamp,
    [property: Id(5)] IReadOnlyList<Membership> Memberships);

[GenerateSerializer, Immutable, Alias("Quorum.Membership")]
public sealed record Membership(
    [property: Id(0)] Guid PanelId,
    [property: Id(1)] string PanelName,
    [property: Id(2)] PanelRole Role);

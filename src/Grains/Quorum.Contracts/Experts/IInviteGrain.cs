namespace Quorum.Contracts.Experts;

/// <summary>
/// A sign-in link, keyed by the SHA-256 of its token (hex); the token itself is never stored.
/// Revocable; a one-time link is spent by its first use.
/// </summary>
[Alias("Quorum.IInviteGrain")]
public interface IInviteGrain : IGrainWithStringKey
{
    [Alias("Issue")]
    Task Issue(Guid personId, Guid? panelId, bool oneTime);

    [Alias("Revoke")]
    Task Revoke();

    /// <summary>The person the link signs in, or null when the link is unknown, revoked or spent.</summary>
    [Alias("Redeem")]
    Task<Guid?> Redeem();
}

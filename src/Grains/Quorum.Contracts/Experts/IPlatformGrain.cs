namespace Quorum.Contracts.Experts;

/// <summary>The installation itself (one per deployment, key 0): who the first facilitator is.</summary>
[Alias("Quorum.IPlatformGrain")]
public interface IPlatformGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Makes sure a first facilitator exists and, until that person has signed in once, returns a fresh
    /// one-time sign-in token for them (the previous one is revoked). Returns null once they have signed in.
    /// </summary>
    [Alias("EnsureFirstFacilitator")]
    Task<BootstrapLink?> EnsureFirstFacilitator(string name);

    /// <summary>Records that a person has signed in (ends the bootstrap window for the first facilitator).</summary>
    [Alias("SignedIn")]
    Task SignedIn(Guid personId);
}

[GenerateSerializer, Immutable, Alias("Quorum.BootstrapLink")]
public sealed record BootstrapLink([property: Id(0)] Guid PersonId, [property: Id(1)] string Token);

namespace Quorum.Storage.Tests.Databases;

/// <summary>A grain state row exactly as the database holds it, read past the provider.</summary>
public sealed record StoredRow(int Version, byte[]? Payload)
{
    public bool Equals(StoredRow? other) =>
        other is not null && Version == other.Version &&
        (Payload is null ? other.Payload is null : other.Payload is not null && Payload.AsSpan().SequenceEqual(other.Payload));

    public override int GetHashCode() => HashCode.Combine(Version, Payload?.Length);

    public override string ToString() => $"version {Version}, payload {(Payload is null ? "NULL" : $"{Payload.Length} bytes")}";
}

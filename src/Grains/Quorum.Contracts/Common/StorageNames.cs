namespace Quorum.Contracts.Common;

/// <summary>Name of the grain storage provider every grain persists to (registered by Quorum.Storage).</summary>
public static class StorageNames
{
    public const string Grains = "quorum";
}

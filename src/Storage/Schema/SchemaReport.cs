namespace Quorum.Storage.Schema;

/// <summary>What one application of the schema did: the scripts it ran now and the version the database is at.</summary>
internal sealed record SchemaReport(IReadOnlyList<string> AppliedScripts, int Version, int ProviderQueries);

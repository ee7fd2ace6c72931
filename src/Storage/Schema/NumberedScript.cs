namespace Quorum.Storage.Schema;

/// <summary>One schema script, applied once per database and recorded under its version.</summary>
internal sealed record NumberedScript(int Version, string Name, string Text);

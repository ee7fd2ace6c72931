namespace Quorum.Simulator.Server.Api;

/// <summary>A refusal: <c>{ code, message, field }</c>, from a hub outcome or a REST error body.</summary>
public sealed record Problem(string Code, string Message, string? Field);

/// <summary>What every hub method returns. On <c>stale</c>, <see cref="Value"/> carries the current state.</summary>
public sealed record Outcome<T>(bool Ok, T? Value, Problem? Error);

/// <summary>The refusal codes the simulator reacts to.</summary>
public static class ProblemCodes
{
    /// <summary>Someone changed the keys (or statement) first; the refusal carries the current state.</summary>
    public const string Stale = "stale";

    /// <summary>An edit's base revision is older than the field keeps for merging: catch up with <c>SyncField</c>, then send again.</summary>
    public const string Resync = "resync";

    /// <summary>Storage refused the write; nothing was acknowledged: send again.</summary>
    public const string NotSaved = "not-saved";

    /// <summary><c>SyncField</c>: the field moved on while the catch-up was read: ask again.</summary>
    public const string Conflict = "conflict";

    /// <summary>The item's text is locked (in review, agreed, final or withdrawn): stop editing it.</summary>
    public const string Locked = "locked";

    /// <summary><c>Rate</c>: the item is in no open round (its round closed first).</summary>
    public const string Closed = "closed";
}

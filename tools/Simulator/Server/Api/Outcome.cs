namespace Quorum.Simulator.Server.Api;

/// <summary>A refusal: <c>{ code, message, field }</c>, from a hub outcome or a REST error body.</summary>
public sealed record Problem(string Code, string Message, string? Field);

/// <summary>What every hub method returns. On <c>stale</c>, <see cref="Value"/> carries the current state.</summary>
public sealed record Outcome<T>(bool Ok, T? Value, Problem? Error);

/// <summary>The refusal codes the simulator reacts to.</summary>
public static class ProblemCodes
{
    public const string Stale = "stale";
}

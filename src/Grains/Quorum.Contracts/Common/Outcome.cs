namespace Quorum.Contracts.Common;

/// <summary>Why a request was refused, in words for the person who made it.</summary>
/// <param name="Code">A stable machine-readable code: invalid, forbidden, not-found, stale, closed, conflict, unauthenticated, resync, not-saved.</param>
/// <param name="Message">A clear sentence for the person.</param>
/// <param name="Field">The input field at fault, when there is one.</param>
[GenerateSerializer, Immutable, Alias("Quorum.Problem")]
public sealed record Problem(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] string? Field = null)
{
    public static Problem Invalid(Domain.InputProblem problem) => new(ProblemCodes.Invalid, problem.Message, problem.Field);

    public static Problem Invalid(string field, string message) => new(ProblemCodes.Invalid, message, field);

    public static Problem Forbidden(string message) => new(ProblemCodes.Forbidden, message);

    public static Problem NotFound(string message) => new(ProblemCodes.NotFound, message);
}

public static class ProblemCodes
{
    public const string Invalid = "invalid";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string Stale = "stale";
    public const string Closed = "closed";
    public const string Conflict = "conflict";
    public const string Unauthenticated = "unauthenticated";

    /// <summary>The sender's copy of a field is too old to merge into: fetch the field afresh and rebase.</summary>
    public const string Resync = "resync";

    /// <summary>Storage refused the write; nothing was acknowledged, and the sender should send again.</summary>
    public const string NotSaved = "not-saved";

    /// <summary>The item's text is locked in its present status (in review, agreed, final or withdrawn).</summary>
    public const string Locked = "locked";
}

/// <summary>The result of a request: a value, or a problem. Errors are values at the edge, never exceptions.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.Outcome`1")]
public sealed record Outcome<T>(
    [property: Id(0)] bool Ok,
    [property: Id(1)] T? Value,
    [property: Id(2)] Problem? Error)
{
    public static Outcome<T> Success(T value) => new(true, value, null);

    public static Outcome<T> Failure(Problem problem) => new(false, default, problem);

    public static implicit operator Outcome<T>(Problem problem) => Failure(problem);
}

/// <summary>Factory so call sites read as <c>Outcome.Of(value)</c>.</summary>
public static class Outcome
{
    public static Outcome<T> Of<T>(T value) => Outcome<T>.Success(value);
}

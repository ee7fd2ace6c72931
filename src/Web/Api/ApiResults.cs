using Quorum.Contracts.Common;

namespace Quorum.Web.Api;

/// <summary>Maps grain outcomes to HTTP: the value on success, the problem with a fitting status otherwise.</summary>
public static class ApiResults
{
    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult>? onSuccess = null) =>
        outcome.Ok && outcome.Value is { } value
            ? onSuccess?.Invoke(value) ?? Results.Ok(value)
            : Refuse(outcome.Error ?? new Problem("unavailable", "The request could not be completed."));

    public static IResult Refuse(Problem problem) => Results.Json(problem, statusCode: problem.Code switch
    {
        ProblemCodes.Invalid => StatusCodes.Status400BadRequest,
        ProblemCodes.Unauthenticated => StatusCodes.Status401Unauthorized,
        ProblemCodes.Forbidden => StatusCodes.Status403Forbidden,
        ProblemCodes.NotFound => StatusCodes.Status404NotFound,
        ProblemCodes.Stale or ProblemCodes.Conflict or ProblemCodes.Closed => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status503ServiceUnavailable,
    });
}

using System.Net;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Server;

/// <summary>A REST request the server refused; setting a panel up cannot go on without it.</summary>
public sealed class QuorumRefusedException(string request, HttpStatusCode status, Problem? problem)
    : Exception($"{request} was refused: {(int)status} {problem?.Code ?? status.ToString()}" +
        (problem is null ? "" : $" ({problem.Message}{(problem.Field is null ? "" : $", field {problem.Field}")})"))
{
    public HttpStatusCode Status { get; } = status;

    public Problem? Problem { get; } = problem;
}

using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Simulation;

/// <summary>
/// Describes refusals and errors on the diagnostics writer, so that a failed run says why. Capped per kind:
/// a server that refuses everything should not bury the progress lines.
/// </summary>
public sealed class ProblemLog(TextWriter writer, int maxLinesPerKind = 25)
{
    private readonly Lock _gate = new();
    private int _refusalLines;
    private int _errorLines;

    public void Refusal(string who, string method, Problem? problem)
    {
        // Expected outcomes of people acting at once, counted apart and not worth a line: a stale write (two people
        // changing the keys), an edit to a text a round has just locked, a rating just after the round closed.
        if (problem?.Code is ProblemCodes.Stale or ProblemCodes.Locked or ProblemCodes.Closed)
        {
            return;
        }

        Write(ref _refusalLines, $"refused: {who} {method}: {problem?.Code ?? "?"} {problem?.Message}{(problem?.Field is null ? "" : $" (field {problem.Field})")}");
    }

    public void Error(string who, string doing, Exception exception) =>
        Write(ref _errorLines, $"error: {who} {doing}: {exception.GetType().Name}: {exception.Message}");

    public void Note(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
        }
    }

    private void Write(ref int count, string line)
    {
        lock (_gate)
        {
            count++;
            if (count < maxLinesPerKind)
            {
                writer.WriteLine(line);
            }
            else if (count == maxLinesPerKind)
            {
                writer.WriteLine(line);
                writer.WriteLine("(further lines of this kind are not shown)");
            }
        }
    }
}

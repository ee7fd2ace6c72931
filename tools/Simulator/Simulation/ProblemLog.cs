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
        // A stale write is the expected outcome of two people changing the keys at once; not worth a line.
        if (problem?.Code == ProblemCodes.Stale)
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

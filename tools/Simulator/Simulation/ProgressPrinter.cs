using System.Diagnostics;

namespace Quorum.Simulator.Simulation;

/// <summary>Prints a line of counts every few seconds while the panel works.</summary>
public sealed class ProgressPrinter(TextWriter output, SimulationCounters counters, Stopwatch clock, int plannedItems)
{
    public async Task RunAsync(TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                PrintLine();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run is over; the caller prints the final line.
        }
    }

    public void PrintLine()
    {
        var c = counters.Snapshot();
        output.WriteLine(
            $"[{clock.Elapsed.TotalSeconds,6:0.0}s] items {c.Items}/{plannedItems} | edits {c.Edits} (merged {c.Merged}, locked {c.Locked}) | additions {c.Additions} | " +
            $"comments {c.Comments} | challenges {c.Challenges} (resolved {c.Resolutions}) | rounds {c.RoundsOpened} (closed {c.RoundsClosed}) | " +
            $"ratings {c.Ratings} (late {c.LateRatings}) | agreed {c.Agreed} | needs revision {c.NeedsRevision} (revised {c.Revisions}) | " +
            $"refusals {c.Refusals} | errors {c.Errors} | live view saw {c.ItemsSeenLive} items, {c.RatingsSeenLive} ratings");
    }
}

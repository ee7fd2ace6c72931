namespace Quorum.Simulator.Experts;

/// <summary>
/// The pause between one person's actions: the pace, jittered by half either way so that forty people do not
/// act in lockstep. A zero pace runs flat out (benchmarks).
/// </summary>
public sealed class Pacing(TimeSpan pace, Random random)
{
    public Task PauseAsync(CancellationToken cancellation, double factor = 1)
    {
        var milliseconds = pace.TotalMilliseconds * factor * (0.5 + random.NextDouble());
        return milliseconds < 1 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(milliseconds), cancellation);
    }
}

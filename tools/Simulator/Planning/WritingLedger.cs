namespace Quorum.Simulator.Planning;

/// <summary>
/// How far the panel's writing has got, shared by the simulated experts so that a reviewer who has run out of
/// items knows whether to wait for more or to stop. (A real panel would learn this from the facilitator.)
/// </summary>
public sealed class WritingLedger(int jobs)
{
    private int _finished;

    /// <summary>A job is done, written or given up.</summary>
    public void JobFinished() => Interlocked.Increment(ref _finished);

    public bool AllWritten => Volatile.Read(ref _finished) >= jobs;
}

namespace Quorum.Simulator.Traces;

/// <summary>Replays whole traces: the check that the simulator reads traces exactly as they were recorded.</summary>
public static class TraceReplay
{
    /// <summary>The text after every transaction of the trace, starting from its start content.</summary>
    public static string Replay(EditingTrace trace)
    {
        var text = new CodePointBuffer(trace.StartContent);
        foreach (var transaction in trace.Transactions)
        {
            foreach (var patch in transaction.Patches)
            {
                text.Splice(patch.Position, patch.Deleted, patch.Inserted);
            }
        }

        return text.ToString();
    }
}

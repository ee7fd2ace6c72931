using Quorum.Traces;

namespace Quorum.Bench.Scenarios;

/// <summary>`replay &lt;trace&gt; [--clients N]`: a trace through the editing engine, with its result checked against the trace's end.</summary>
internal static class ReplayScenario
{
    public static ReplayResult Run(BenchOptions options)
    {
        var name = options.Positional.FirstOrDefault()
            ?? throw new BenchUsageException("replay needs a trace: a name from ../shared/data/traces (e.g. automerge-paper) or a .json.gz path.");
        var trace = EditingTrace.Load(EditingTrace.Resolve(name));
        Console.Error.WriteLine($"replay: {trace.Name}, {(trace.Concurrent ? $"concurrent, {trace.Agents} agents" : "sequential")}, {trace.PatchCount:N0} patches");
        var result = trace.Concurrent
            ? TraceReplay.Concurrent(trace)
            : TraceReplay.Sequential(trace, options.Int("clients", 1));
        if (trace.Concurrent && options.Text("clients") is { } clients && clients != trace.Agents.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Console.Error.WriteLine($"replay: a concurrent trace uses one client per agent ({trace.Agents}); --clients {clients} was ignored.");
        }

        return result;
    }
}

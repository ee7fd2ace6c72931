using System.Diagnostics;
using Quorum.Domain.Editing;
using Quorum.Traces;

namespace Quorum.Bench.Scenarios;

/// <summary>
/// `engine`: the 259,778 edits of automerge-paper through the server-side apply path (the field's authority:
/// validate, apply to the text, number, keep for transforming late ops), beside the same edits spliced straight
/// into the gap buffer underneath, the practical limit. Ops are built before the clock starts.
/// </summary>
internal static class EngineScenario
{
    public static EngineResult Run(BenchOptions options)
    {
        var trace = EditingTrace.Load(EditingTrace.Resolve(options.Text("trace") ?? "automerge-paper"));
        var patches = trace.Transactions.SelectMany(t => t.Patches).ToArray();
        var ops = patches.Select(p => p.ToOp()).ToArray();
        var runs = options.Quick ? 3 : 9;
        Console.Error.WriteLine($"engine: {trace.Name}, {ops.Length:N0} edits, {runs} runs of each path");

        var author = Guid.NewGuid();
        var at = DateTimeOffset.UnixEpoch;
        string? authorityText = null;
        string? bufferText = null;
        var authority = new List<double>();
        var buffer = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var document = new FieldDocument(trace.StartContent, 0, int.MaxValue);
            for (var i = 0; i < ops.Length; i++)
            {
                if (document.Submit(new EditRequest(author, "engine", i + 1, i, ops[i]), at) is not { Outcome: SubmitOutcome.Applied })
                {
                    throw new InvalidOperationException($"Edit {i} was not applied.");
                }
            }

            authority.Add(clock.Elapsed.TotalSeconds);
            authorityText = document.Text;

            clock.Restart();
            var text = new TextBuffer(trace.StartContent);
            foreach (var p in patches)
            {
                text.Splice(p.Position, p.DeleteCount, p.Insert);
            }

            buffer.Add(clock.Elapsed.TotalSeconds);
            bufferText = text.ToString();
        }

        var seconds = Median(authority);
        var bufferSeconds = Median(buffer);
        return new EngineResult(
            trace.Name,
            ops.Length,
            runs,
            seconds,
            ops.Length / seconds,
            bufferSeconds,
            ops.Length / bufferSeconds,
            authorityText == trace.EndContent,
            bufferText == trace.EndContent,
            Environment.ProcessorCount,
            DateTimeOffset.UtcNow);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

/// <param name="EditsPerSecond">Through the authority (FieldDocument.Submit), the path every acknowledged op takes.</param>
/// <param name="BufferEditsPerSecond">The same edits spliced straight into the gap buffer: the baseline of this run.</param>
internal sealed record EngineResult(
    string Trace,
    int Edits,
    int Runs,
    double Seconds,
    double EditsPerSecond,
    double BufferSeconds,
    double BufferEditsPerSecond,
    bool MatchesEndContent,
    bool BufferMatchesEndContent,
    int Cores,
    DateTimeOffset MeasuredAt);

using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Tests;

/// <summary>Replaying every transaction of a real sequential trace from its start content gives exactly its end content.</summary>
public sealed class TraceReplayTests
{
    [Theory]
    [InlineData("clownschool_flat", 23_136, 21_148)]
    [InlineData("sveltecomponent", 18_335, 18_451)]
    [InlineData("seph-blog1", 137_154, 56_769)]
    [InlineData("automerge-paper", 259_778, 104_852)]
    public void Whole_trace_replays_to_its_end_content(string name, int transactions, int endCodePoints)
    {
        var trace = EditingTrace.Load(TestData.File("traces", name + ".json.gz"));

        var replayed = TraceReplay.Replay(trace);

        Assert.Equal(transactions, trace.Transactions.Count);
        Assert.Equal(endCodePoints, CodePointBuffer.CodePointCount(trace.EndContent));
        Assert.Equal(trace.EndContent, replayed);
    }

    [Fact]
    public void Concurrent_trace_is_refused_with_its_name()
    {
        var e = Assert.Throws<InvalidDataException>(() => EditingTrace.Load(TestData.File("traces", "friendsforever.json.gz")));

        Assert.Contains("friendsforever", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_traces_load_from_the_shared_folder()
    {
        var library = TraceLibrary.Load(TestData.Traces);

        Assert.Equal(["clownschool_flat", "sveltecomponent", "seph-blog1"], library.Traces.Select(t => t.Name));
    }

    [Fact]
    public void Missing_trace_names_the_path_it_expected()
    {
        var e = Assert.Throws<FileNotFoundException>(() => TraceLibrary.Load(TestData.Traces, ["no-such-trace"]));

        Assert.Contains(Path.Combine(TestData.Traces, "no-such-trace.json.gz"), e.Message, StringComparison.Ordinal);
    }
}

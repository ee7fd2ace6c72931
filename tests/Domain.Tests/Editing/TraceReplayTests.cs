using Quorum.Traces;

namespace Quorum.Domain.Tests.Editing;

/// <summary>
/// Every shared editing trace, replayed through the editing engine (the field's authority and the tabs' client
/// model), ends on the trace's own final text, on the authority and on every tab.
/// </summary>
public sealed class TraceReplayTests
{
    private static readonly string[] SequentialTraces = ["automerge-paper", "clownschool_flat", "seph-blog1", "sveltecomponent"];

    private static readonly string[] ConcurrentTraces = ["clownschool", "friendsforever"];

    public static TheoryData<string> Sequential => new(SequentialTraces);

    public static TheoryData<string> Concurrent => new(ConcurrentTraces);

    [Fact]
    public void Every_trace_in_the_shared_folder_is_covered_here()
    {
        var names = Directory.GetFiles(EditingTrace.Folder(), "*.json.gz").Select(p => Path.GetFileName(p).Replace(".json.gz", string.Empty, StringComparison.Ordinal));

        Assert.Equal(names.Order(), SequentialTraces.Concat(ConcurrentTraces).Order());
    }

    [Theory]
    [MemberData(nameof(Sequential))]
    public void A_sequential_trace_through_one_tab_ends_on_its_text(string name)
    {
        var trace = EditingTrace.Load(EditingTrace.Resolve(name));
        Assert.False(trace.Concurrent, $"{name} is expected to be sequential");

        var result = TraceReplay.Sequential(trace);

        Assert.Equal(trace.PatchCount, result.Ops);
        Assert.True(result.MatchesEndContent, $"{name}: the authority's text is not the trace's endContent");
        Assert.True(result.Converged, $"{name}: a tab did not converge on the authority's text");
    }

    [Theory]
    [InlineData("sveltecomponent", 3)]
    [InlineData("clownschool_flat", 5)]
    public void A_sequential_trace_shared_by_tabs_taking_turns_ends_on_its_text(string name, int tabs)
    {
        var trace = EditingTrace.Load(EditingTrace.Resolve(name));

        var result = TraceReplay.Sequential(trace, tabs);

        Assert.Equal(tabs, result.Clients);
        Assert.True(result.MatchesEndContent && result.Converged, $"{name} through {tabs} tabs: matches {result.MatchesEndContent}, converged {result.Converged}");
    }

    [Theory]
    [MemberData(nameof(Concurrent))]
    public void A_concurrent_trace_with_a_tab_per_agent_ends_on_its_text(string name)
    {
        var trace = EditingTrace.Load(EditingTrace.Resolve(name));
        Assert.True(trace.Concurrent, $"{name} is expected to be concurrent");

        var result = TraceReplay.Concurrent(trace);

        Assert.Equal(trace.Agents, result.Clients);
        Assert.Equal(trace.PatchCount, result.Ops);
        Assert.True(result.MatchesEndContent, $"{name}: the authority's text is not the trace's endContent");
        Assert.True(result.Converged, $"{name}: a tab did not converge on the authority's text");
    }
}

using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Tests;

/// <summary>The simulator types from the sequential traces it is given, and says where it looked when one is missing or of the wrong kind.</summary>
public sealed class TraceLibraryTests
{
    [Fact]
    public void Default_traces_load_from_the_shared_folder()
    {
        var library = TraceLibrary.Load(TestData.Traces);

        Assert.Equal(["clownschool_flat", "sveltecomponent", "seph-blog1"], library.Traces.Select(t => t.Name));
        Assert.All(library.Traces, t => Assert.False(t.Concurrent));
    }

    [Fact]
    public void Concurrent_trace_is_refused_with_its_name()
    {
        var e = Assert.Throws<InvalidDataException>(() => TraceLibrary.Load(TestData.Traces, ["friendsforever"]));

        Assert.Contains("'friendsforever'", e.Message, StringComparison.Ordinal);
        Assert.Contains("concurrent", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_trace_names_the_path_it_expected()
    {
        var e = Assert.Throws<FileNotFoundException>(() => TraceLibrary.Load(TestData.Traces, ["no-such-trace"]));

        Assert.Contains(Path.Combine(TestData.Traces, "no-such-trace.json.gz"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_folder_is_used_as_it_is()
    {
        Assert.Equal(Path.GetFullPath("some/traces"), TraceLibrary.LocateFolder("some/traces"));
    }
}

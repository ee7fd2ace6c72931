using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Tests;

/// <summary>
/// A typed field is always the stretch of the traced document that grew from the window's first insertion,
/// with every keystroke inside it applied and none from elsewhere.
/// </summary>
public sealed class TraceTypingTests
{
    private static readonly Lazy<EditingTrace> Clownschool = new(() => EditingTrace.Load(TestData.File("traces", "clownschool_flat.json.gz")));
    private static readonly Lazy<EditingTrace> Svelte = new(() => EditingTrace.Load(TestData.File("traces", "sveltecomponent.json.gz")));

    [Fact]
    public void Window_over_a_whole_trace_from_empty_types_its_end_content()
    {
        foreach (var trace in new[] { Clownschool.Value, Svelte.Value })
        {
            var typing = new TraceTyping(trace, 0, int.MaxValue, int.MaxValue);
            while (!typing.Finished)
            {
                typing.Step();
            }

            Assert.Equal(0, typing.DocumentPosition);
            Assert.Equal(trace.EndContent, typing.Text);
        }
    }

    [Theory]
    [InlineData(1_000, 400)]
    [InlineData(7_500, 2_000)]
    [InlineData(15_000, 3_000)]
    [InlineData(22_000, 1_136)]
    public void Field_is_the_stretch_of_the_document_it_grew_in(int first, int span)
    {
        var trace = Clownschool.Value;
        var document = new CodePointBuffer(trace.StartContent);
        foreach (var transaction in trace.Transactions.Take(first))
        {
            Apply(document, transaction);
        }

        var typing = new TraceTyping(trace, first, span, int.MaxValue);
        foreach (var transaction in trace.Transactions.Skip(first).Take(span))
        {
            Apply(document, transaction);
            typing.Step();
        }

        Assert.True(typing.Finished);
        Assert.NotNull(typing.DocumentPosition);
        var whole = document.ToString();
        Assert.Equal(whole.Substring(typing.DocumentPosition.Value, typing.Text.Length), typing.Text);
        Assert.True(typing.Keystrokes > 0);
    }

    [Fact]
    public void Typing_stops_at_its_target_length()
    {
        var typing = new TraceTyping(Clownschool.Value, 0, int.MaxValue, 200);
        var steps = 0;
        while (!typing.Finished)
        {
            typing.Step();
            steps++;
        }

        Assert.Equal(200, typing.Length);
        Assert.Equal(typing.Keystrokes, steps);
        Assert.False(typing.Step());
    }

    [Fact]
    public void Window_is_bounded_by_its_transaction_count()
    {
        var typing = new TraceTyping(Clownschool.Value, 100, 50, int.MaxValue);
        var steps = 0;
        while (!typing.Finished)
        {
            typing.Step();
            steps++;
        }

        Assert.Equal(50, steps);
    }

    [Fact]
    public void Adopted_text_replaces_the_field_and_typing_goes_on_from_it()
    {
        var typing = new TraceTyping(Clownschool.Value, 0, 400, int.MaxValue);
        for (var i = 0; i < 100; i++)
        {
            typing.Step();
        }

        typing.Adopt("Someone else wrote this 😀.");
        Assert.Equal("Someone else wrote this 😀.", typing.Text);

        var before = typing.Keystrokes;
        while (!typing.Finished)
        {
            typing.Step();
        }

        // The trace's author goes on to type a title at the top; it lands at the top of the adopted text too.
        Assert.True(typing.Keystrokes > before);
        Assert.NotEqual("Someone else wrote this 😀.", typing.Text);
        Assert.Contains("omeone else wrote this 😀.", typing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_adopted_before_the_first_keystroke_is_typed_on_at_its_end()
    {
        var typing = new TraceTyping(Clownschool.Value, 0, 12, int.MaxValue);
        typing.Adopt("Already here. ");

        while (!typing.Finished)
        {
            typing.Step();
        }

        // The first twelve keystrokes of the trace type "helloooo it'" into an empty document.
        Assert.Equal("Already here. helloooo it'", typing.Text);
        Assert.Equal(12, typing.Keystrokes);
    }

    private static void Apply(CodePointBuffer document, TraceTransaction transaction)
    {
        foreach (var patch in transaction.Patches)
        {
            document.Splice(patch.Position, patch.Deleted, patch.Inserted);
        }
    }
}

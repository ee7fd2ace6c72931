using System.IO.Compression;
using System.Text.Json;
using Quorum.Domain.Editing;
using Quorum.Simulator.Traces;
using Quorum.Traces;

namespace Quorum.Simulator.Tests;

/// <summary>
/// A typed stretch is always the stretch of the traced document that grew from the window's first insertion,
/// with every keystroke inside it applied and none from elsewhere, and each keystroke comes out as the op that
/// turns the stretch before it into the stretch after it.
/// </summary>
public sealed class TraceTypingTests
{
    private static readonly Lazy<EditingTrace> Clownschool = new(() => EditingTrace.Load(TestData.File("traces", "clownschool_flat.json.gz")));
    private static readonly Lazy<EditingTrace> Svelte = new(() => EditingTrace.Load(TestData.File("traces", "sveltecomponent.json.gz")));

    [Fact]
    public void Window_over_a_whole_trace_from_empty_types_its_end_content_op_by_op()
    {
        foreach (var trace in new[] { Clownschool.Value, Svelte.Value })
        {
            var typing = new TraceTyping(trace, 0, int.MaxValue, int.MaxValue);
            var mirror = new TextBuffer(string.Empty);
            while (!typing.Finished)
            {
                mirror.Apply(typing.Step());
            }

            Assert.Equal(0, typing.DocumentPosition);
            Assert.Equal(trace.EndContent, typing.Text);
            Assert.Equal(trace.EndContent, mirror.ToString());
        }
    }

    [Theory]
    [InlineData(1_000, 400)]
    [InlineData(7_500, 2_000)]
    [InlineData(15_000, 3_000)]
    [InlineData(22_000, 1_136)]
    public void Stretch_is_the_part_of_the_document_it_grew_in(int first, int span)
    {
        var trace = Clownschool.Value;
        var document = new TextBuffer(trace.StartContent);
        foreach (var transaction in trace.Transactions.Take(first))
        {
            Apply(document, transaction);
        }

        var typing = new TraceTyping(trace, first, span, int.MaxValue);
        var mirror = new TextBuffer(string.Empty);
        foreach (var transaction in trace.Transactions.Skip(first).Take(span))
        {
            Apply(document, transaction);
            mirror.Apply(typing.Step());
        }

        Assert.True(typing.Finished);
        Assert.NotNull(typing.DocumentPosition);
        Assert.Equal(document.Slice(typing.DocumentPosition.Value, typing.Length), typing.Text);
        Assert.Equal(typing.Text, mirror.ToString());
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
        Assert.True(typing.Step().IsNoop);
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
    public void Adopted_text_replaces_the_stretch_and_typing_goes_on_from_it()
    {
        var typing = new TraceTyping(Clownschool.Value, 0, 400, int.MaxValue);
        for (var i = 0; i < 100; i++)
        {
            typing.Step();
        }

        typing.Adopt("Someone else wrote this 😀.");
        Assert.Equal("Someone else wrote this 😀.", typing.Text);

        var before = typing.Keystrokes;
        var mirror = new TextBuffer(typing.Text);
        while (!typing.Finished)
        {
            mirror.Apply(typing.Step());
        }

        // The trace's author goes on to type a title at the top; it lands at the top of the adopted text too.
        Assert.True(typing.Keystrokes > before);
        Assert.NotEqual("Someone else wrote this 😀.", typing.Text);
        Assert.Contains("omeone else wrote this 😀.", typing.Text, StringComparison.Ordinal);
        Assert.Equal(typing.Text, mirror.ToString());
    }

    [Fact]
    public void Text_adopted_before_the_first_keystroke_is_typed_on_at_its_end()
    {
        var typing = new TraceTyping(Clownschool.Value, 0, 12, int.MaxValue);
        typing.Adopt("Already here. ");

        var first = typing.Step();
        while (!typing.Finished)
        {
            typing.Step();
        }

        // The first twelve keystrokes of the trace type "helloooo it'" into an empty document.
        Assert.Equal(Op("[14,\"h\"]"), first);
        Assert.Equal("Already here. helloooo it'", typing.Text);
        Assert.Equal(12, typing.Keystrokes);
    }

    [Fact]
    public void A_paste_past_the_longest_stretch_is_cut_and_ends_the_typing()
    {
        var trace = Synthetic([[0, 0, "abc"]], [[3, 0, "0123456789"]], [[13, 0, "never"]]);
        var typing = new TraceTyping(trace, 0, int.MaxValue, int.MaxValue, maxLength: 8);

        Assert.Equal(Op("[\"abc\"]"), typing.Step());
        Assert.Equal(Op("[3,\"01234\"]"), typing.Step());

        Assert.True(typing.Finished);
        Assert.Equal("abc01234", typing.Text);
        Assert.True(typing.Step().IsNoop);
    }

    [Fact]
    public void Control_characters_are_typed_as_spaces_so_later_keystrokes_stay_in_place()
    {
        var trace = Synthetic([[0, 0, "a\u0007b\u0000"]], [[4, 0, "!"]], [[1, 1, ""]]);
        var typing = new TraceTyping(trace, 0, int.MaxValue, int.MaxValue);

        Assert.Equal(Op("[\"a b \"]"), typing.Step());
        Assert.Equal(Op("[4,\"!\"]"), typing.Step());
        Assert.Equal(Op("[1,{\"d\":1}]"), typing.Step());
        Assert.Equal("ab !", typing.Text);
    }

    [Fact]
    public void Appended_text_goes_at_the_end_and_the_trace_opens_after_it()
    {
        var trace = Synthetic([[10, 0, "Hi"]], [[12, 0, "😀!"]], [[10, 1, ""]]);
        var typing = new TraceTyping(trace, 0, int.MaxValue, int.MaxValue);

        Assert.Equal(Op("[\" \"]"), typing.Append(" "));
        Assert.Equal(Op("[1,\"Hi\"]"), typing.Step());
        Assert.Equal(Op("[3,\"😀!\"]"), typing.Step());
        Assert.Equal(Op("[1,{\"d\":1}]"), typing.Step());
        Assert.Equal(" i😀!", typing.Text);
    }

    private static TextOp Op(string json) => TextOpJson.TryParse(json, out var op, out var error) ? op : throw new ArgumentException(error, nameof(json));

    private static void Apply(TextBuffer document, TraceTransaction transaction)
    {
        foreach (var patch in transaction.Patches)
        {
            document.Splice(patch.Position, patch.DeleteCount, patch.Insert);
        }
    }

    /// <summary>A sequential trace of the given transactions, each a list of patches <c>[position, deleteCount, insert]</c>.</summary>
    private static EditingTrace Synthetic(params object[][][] transactions)
    {
        var path = Path.Combine(Path.GetTempPath(), $"quorum-simulator-{Guid.NewGuid():N}.json.gz");
        try
        {
            using (var file = File.Create(path))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                JsonSerializer.Serialize(gzip, new
                {
                    startContent = "",
                    endContent = "",
                    txns = transactions.Select(patches => new { time = "2024-01-01T00:00:00Z", patches }),
                });
            }

            return EditingTrace.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

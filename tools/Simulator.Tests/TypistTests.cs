using Quorum.Domain.Editing;
using Quorum.Simulator.Editing;
using Quorum.Simulator.Traces;
using Quorum.Traces;

namespace Quorum.Simulator.Tests;

/// <summary>
/// A person typing into a shared field changes only their own stretch: alone, the field is their stretch; taking
/// turns with someone putting a sentence in front, the field is that sentence, a space, and the author's stretch;
/// typing at the same time through tabs and the field's authority, every tab ends on the authority's text.
/// </summary>
public sealed class TypistTests
{
    private static readonly Lazy<EditingTrace> Clownschool = new(() => EditingTrace.Load(TestData.File("traces", "clownschool_flat.json.gz")));
    private static readonly Lazy<EditingTrace> Svelte = new(() => EditingTrace.Load(TestData.File("traces", "sveltecomponent.json.gz")));

    [Fact]
    public void Alone_the_field_is_the_own_stretch_after_every_keystroke()
    {
        var typing = new TraceTyping(Svelte.Value, 2_000, 3_000, int.MaxValue);
        var typist = new Typist(typing, string.Empty, Side.Right);
        var field = string.Empty;
        while (!typist.Finished)
        {
            field = TextOt.Apply(field, typist.Next(field));
            Assert.Equal(typist.Own, field);
        }

        Assert.True(typing.Keystrokes > 100, $"the window typed only {typing.Keystrokes} keystrokes");
    }

    [Theory]
    [InlineData(1, 1_000, 12_000)]
    [InlineData(2, 5_000, 2_000)]
    [InlineData(3, 10_000, 11_000)]
    [InlineData(4, 21_000, 18_000)]
    [InlineData(5, 8_000, 4_000)] // the preface is mostly one paste, cut to the longest stretch
    public void Taking_turns_the_field_is_the_preface_then_the_author_stretch(int seed, int authorFrom, int prefaceFrom)
    {
        var random = new Random(seed);
        var authorTyping = new TraceTyping(Clownschool.Value, authorFrom, 1_500, 300, 1_000);
        authorTyping.Adopt("Seed text.");
        var author = new Typist(authorTyping, "Seed text.", Side.Right);
        var field = "Seed text.";

        var preface = new Typist(new TraceTyping(Svelte.Value, prefaceFrom, 1_500, 300, 1_000), field, Side.Left, apart: " ");
        var prefaced = false;
        while (!author.Finished || !preface.Finished)
        {
            foreach (var typist in new[] { author, preface })
            {
                for (var burst = random.Next(1, 20); burst > 0 && !typist.Finished; burst--)
                {
                    var op = typist.Next(field);
                    prefaced |= typist == preface && !op.IsNoop;
                    field = TextOt.Apply(field, op);
                }
            }

            // The space apart comes with the preface's first keystroke.
            Assert.Equal(prefaced ? preface.Own + " " + author.Own : author.Own, field);
        }

        Assert.True(author.Own.Length > 100 && preface.Own.Length > 100, $"the windows typed too little to test anything: author {author.Own.Length}, preface {preface.Own.Length}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Typing_at_once_through_tabs_every_tab_ends_on_the_authority_text(int seed)
    {
        var random = new Random(seed);
        var authority = new FieldDocument("Seed text.", 1, 4_000);
        var log = new List<AppliedEdit>();
        var authorTyping = new TraceTyping(Clownschool.Value, random.Next(20_000), 1_200, 300, 1_000);
        authorTyping.Adopt("Seed text.");
        var tabs = new[]
        {
            new Tab("author", authority.Text, authorTyping, Side.Right),
            new Tab("reviewer", authority.Text, new TraceTyping(Svelte.Value, random.Next(15_000), 1_200, 200, 1_000), Side.Left, " "),
            new Tab("second-reviewer", authority.Text, new TraceTyping(Clownschool.Value, random.Next(20_000), 1_200, 200, 1_000), Side.Left, " "),
        };

        // Each step one tab types, sends, hears one edit of the log, or hears its ack: in any order, as a network would allow.
        for (var step = 0; step < 200_000 && tabs.Any(t => !t.Done(log)); step++)
        {
            var tab = tabs[random.Next(tabs.Length)];
            switch (random.Next(4))
            {
                case 0 when !tab.Typist.Finished:
                    tab.Replica.Edit(tab.Typist.Next(tab.Replica.Text));
                    break;
                case 1 when tab.Replica.NextToSend(tab.Author) is { } request:
                    var result = authority.Submit(request, DateTimeOffset.UnixEpoch);
                    var applied = result.Edit ?? throw new InvalidOperationException($"{result} for {request} at {authority.Revision}, text {authority.Text}");
                    log.Add(applied);
                    tab.Acks.Enqueue((request.ClientSeq, applied.Revision));
                    break;
                case 2 when tab.Heard < log.Count:
                    tab.Replica.Receive(log[tab.Heard++]);
                    break;
                case 3 when tab.Acks.TryDequeue(out var ack):
                    tab.Replica.Acknowledge(ack.Seq, ack.Revision);
                    break;
            }
        }

        Assert.All(tabs, tab =>
        {
            Assert.True(tab.Done(log), $"{tab.Replica.ClientId} did not finish");
            Assert.Equal(authority.Revision, tab.Replica.Revision);
            Assert.Equal(authority.Text, tab.Replica.Text);
        });
        Assert.Equal(1 + log.Count, authority.Revision);
    }

    [Theory]
    [InlineData("abc", "abXc", Side.Left, "[2,\"X\"]")]
    [InlineData("abcc", "abccc", Side.Left, "[4,\"c\"]")]
    [InlineData("abcc", "abccc", Side.Right, "[2,\"c\"]")]
    [InlineData("a😀b", "a😀😀b", Side.Left, "[2,\"😀\"]")]
    [InlineData("a😀b", "a😁b", Side.Right, "[1,{\"d\":1},\"😁\"]")]
    [InlineData("same", "same", Side.Right, "[]")]
    public void Change_between_two_texts_leans_to_the_side_asked_and_counts_code_points(string before, string after, Side side, string expected)
    {
        var change = Typist.Change(before, after, side);

        Assert.Equal(Op(expected), change);
        Assert.Equal(after, TextOt.Apply(before, change));
    }

    private static TextOp Op(string json) => TextOpJson.TryParse(json, out var op, out var error) ? op : throw new ArgumentException(error, nameof(json));

    private sealed class Tab(string clientId, string text, TraceTyping typing, Side side, string? apart = null)
    {
        public Guid Author { get; } = Guid.NewGuid();

        public FieldReplica Replica { get; } = new(clientId, text, 1);

        public Typist Typist { get; } = new(typing, text, side, apart);

        public Queue<(long Seq, int Revision)> Acks { get; } = new();

        public int Heard { get; set; }

        public bool Done(List<AppliedEdit> log) => Typist.Finished && !Replica.HasPending && Heard == log.Count && Acks.Count == 0;
    }
}

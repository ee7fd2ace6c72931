using Quorum.Simulator.Experts;
using Quorum.Simulator.Planning;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Simulation;
using Quorum.Simulator.Traces;
using Quorum.Testing;
using Browser = Quorum.Simulator.Server.QuorumClient;
using TestClient = Quorum.Testing.QuorumClient;

namespace Quorum.Simulator.Tests;

/// <summary>
/// Two experts typing into one stem at once through the real hub, each tab with one op in flight, end on one text:
/// both tabs' texts are the server's at their revisions, the last is the field's text now, and the field's
/// revisions are exactly the ops acknowledged.
/// </summary>
public sealed class CoEditingTests
{
    [Fact]
    public async Task An_author_and_a_reviewer_typing_into_one_stem_at_once_converge_on_the_server_text()
    {
        await using var server = await QuorumServer.StartAsync();
        await using var facilitator = new TestClient(server.Address);
        await facilitator.SignInOrFailAsync(server.FirstFacilitatorLink ?? throw new InvalidOperationException(server.Output));
        var panelId = Guid.Parse((await facilitator.CreatePanelAsync("Co-editing"))["panelId"]!.GetValue<string>());
        var diagnostics = new StringWriter();
        var counters = new SimulationCounters();
        var log = new ProblemLog(diagnostics);
        var traces = TraceLibrary.Load(TestData.Traces);
        var context = new PanelContext(panelId, [], traces, counters, log, new WritingLedger(0), new RoundLedger(), new ExpertHabits(), TimeSpan.FromMilliseconds(5), 0, 0, new TypedFields());
        var author = await SignInAsync(server, facilitator, panelId, "Author", counters, log);
        var reviewer = await SignInAsync(server, facilitator, panelId, "Reviewer", counters, log);
        try
        {
            const string seed = "A resident tells the panel that ";
            var created = await author.Hub.CreateItemAsync(
                panelId, new ItemDraft(ItemKind.SingleBestAnswer, "kss-cfp-3", seed, ["One", "Two", "Three", "Four"], [0], null, null, null), CancellationToken.None);
            Assert.True(created.Ok, $"CreateItem: {created.Error}");
            var itemId = created.Value!.Summary.ItemId;
            var authorView = (await author.Hub.OpenItemAsync(itemId, CancellationToken.None)).Value!;
            var reviewerView = (await reviewer.Hub.OpenItemAsync(itemId, CancellationToken.None)).Value!;

            // Windows of two traces that type a few hundred characters each, in bursts of three keystrokes 5 ms apart.
            var authorTyping = new TraceTyping(traces.Traces[0], 1_000, 1_500, 300, Keyboard.MaxOwnLength(FieldNames.Stem));
            authorTyping.Adopt(seed);
            var reviewerTyping = new TraceTyping(traces.Traces[0], 10_000, 1_500, 300, Keyboard.MaxOwnLength(FieldNames.Stem));
            var random = new Random(7);
            var typed = await Task.WhenAll(
                new Keyboard(author.Hub, context, author.PersonId, new Pacing(context.Pace, random), 3)
                    .WriteAsync(itemId, authorView.TextField(FieldNames.Stem), authorTyping, whenBlank: null, CancellationToken.None),
                new Keyboard(reviewer.Hub, context, reviewer.PersonId, new Pacing(context.Pace, new Random(8)), 3)
                    .PrefaceAsync(itemId, reviewerView.TextField(FieldNames.Stem), reviewerTyping, CancellationToken.None));

            var counts = counters.Snapshot();
            Assert.True(diagnostics.ToString().Length == 0, diagnostics.ToString());
            Assert.Equal(0, counts.Refusals);
            Assert.True(counts.Merged > 0, "the two never typed at the same time, so nothing was merged: the test proves nothing");

            var stem = (await author.Hub.OpenItemAsync(itemId, CancellationToken.None)).Value!.TextField(FieldNames.Stem);
            var last = typed.MaxBy(t => t.Revision)!;
            Assert.Equal((stem.Revision, stem.Text), (last.Revision, last.Text));
            Assert.Equal(1 + counts.Edits, stem.Revision);
            Assert.Equal([last], context.Fields.Snapshot());
        }
        finally
        {
            await author.DisposeAsync();
            await reviewer.DisposeAsync();
        }
    }

    private static async Task<Expert> SignInAsync(QuorumServer server, TestClient facilitator, Guid panelId, string name, SimulationCounters counters, ProblemLog log)
    {
        var (personId, link) = await facilitator.InviteAsync(panelId, name);
        var browser = new Browser(server.Address, ServerTransport.Network);
        await browser.SignInAsync(SignInLink.Token(link), CancellationToken.None);
        var hub = await HubSession.ConnectAsync(browser, ServerTransport.Network, name, counters, log, CancellationToken.None);
        Assert.True((await hub.JoinPanelAsync(panelId, CancellationToken.None)).Ok);
        return new Expert(personId, browser, hub);
    }

    private sealed record Expert(Guid PersonId, Browser Browser, HubSession Hub) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Hub.DisposeAsync();
            Browser.Dispose();
        }
    }
}

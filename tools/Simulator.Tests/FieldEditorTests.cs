using Quorum.Domain.Editing;
using Quorum.Simulator.Editing;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Simulation;
using Quorum.Testing;
using Browser = Quorum.Simulator.Server.QuorumClient;
using TestClient = Quorum.Testing.QuorumClient;

namespace Quorum.Simulator.Tests;

/// <summary>
/// A tab that hears nothing live still ends on the server's text: an op written on a revision the field no longer
/// merges from is refused with <c>resync</c>, caught up with <c>SyncField</c> and sent again, and an ack ahead of
/// the edits the tab has seen is filled in by a catch-up. A tab whose item a round takes into review stops at the
/// first <c>locked</c> refusal, without an error, and ends on the server's text.
/// </summary>
public sealed class FieldEditorTests
{
    [Fact]
    public async Task A_tab_far_behind_catches_up_on_resync_and_after_a_gap_and_ends_on_the_server_text()
    {
        await using var server = await QuorumServer.StartAsync();
        await using var facilitator = new TestClient(server.Address);
        await facilitator.SignInOrFailAsync(server.FirstFacilitatorLink ?? throw new InvalidOperationException(server.Output));
        var panelId = Guid.Parse((await facilitator.CreatePanelAsync("Editing"))["panelId"]!.GetValue<string>());
        var diagnostics = new StringWriter();
        var counters = new SimulationCounters();
        var log = new ProblemLog(diagnostics);
        var ct = CancellationToken.None;
        var (busy, busyBrowser) = await ConnectAsync(server, facilitator, panelId, "Busy", counters, log);
        var (behind, behindBrowser) = await ConnectAsync(server, facilitator, panelId, "Behind", counters, log);
        try
        {
            var created = await busy.CreateItemAsync(panelId, new ItemDraft(ItemKind.SingleBestAnswer, "kss-cfp-3", "Stem", ["A", "B", "C", "D"], [0], null, null, null), ct);
            var itemId = created.Value!.Summary.ItemId;
            var stem = created.Value.TextField(FieldNames.Stem);

            // The tab that falls behind never opens the item, so no edit reaches it live.
            var editor = await FieldEditor.OpenAsync(behind, itemId, stem, Guid.NewGuid(), counters, ct);
            await using (editor)
            {
                // More edits than the field keeps for merging (1,000) land meanwhile, one at a time.
                var revision = await TypeOneByOneAsync(busy, itemId, stem.Revision, 1_001, "a");
                editor.Type(text => TextOp.From(OpComponent.Insert("Hello ")));
                await WaitUntilAsync(() => counters.Snapshot().Edits == 1, $"the resent op to be acknowledged ({diagnostics})");

                // Three more; the next op's ack is then ahead of what the tab has seen.
                revision = await TypeOneByOneAsync(busy, itemId, revision + 1, 3, "b");
                editor.Type(text => TextOp.From(OpComponent.Retain(CodePoints.Count(text)), OpComponent.Insert("!")));
                var typed = await editor.CloseAsync(ct).WaitAsync(TimeSpan.FromSeconds(30));

                Assert.Equal(revision + 1, typed.Revision);
                Assert.Equal("bbbHello " + new string('a', 1_001) + "Stem!", typed.Text);
            }

            var counts = counters.Snapshot();
            Assert.Equal(2, counts.Edits); // the tab's own; the busy tab's go straight through the hub
            Assert.Equal(1, counts.Refusals);
            Assert.Contains("Edit: resync", diagnostics.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await busy.DisposeAsync();
            await behind.DisposeAsync();
            busyBrowser.Dispose();
            behindBrowser.Dispose();
        }
    }

    [Fact]
    public async Task A_tab_whose_item_enters_a_round_stops_at_the_lock_and_ends_on_the_server_text()
    {
        await using var server = await QuorumServer.StartAsync();
        await using var facilitator = new TestClient(server.Address);
        await facilitator.SignInOrFailAsync(server.FirstFacilitatorLink ?? throw new InvalidOperationException(server.Output));
        var panelId = Guid.Parse((await facilitator.CreatePanelAsync("Locks"))["panelId"]!.GetValue<string>());
        var facilitatorHub = await facilitator.ConnectHubAsync();
        var diagnostics = new StringWriter();
        var counters = new SimulationCounters();
        var log = new ProblemLog(diagnostics);
        var ct = CancellationToken.None;
        var (author, authorBrowser) = await ConnectAsync(server, facilitator, panelId, "Author", counters, log);
        try
        {
            var created = await author.CreateItemAsync(
                panelId, new ItemDraft(ItemKind.SingleBestAnswer, "kss-cfp-3", "Stem", ["A", "B", "C", "D"], [0], "Because.", null, null), ct);
            var itemId = created.Value!.Summary.ItemId;
            Assert.Empty(created.Value.Missing);

            var before = await FieldEditor.OpenAsync(author, itemId, created.Value.TextField(FieldNames.Stem), Guid.NewGuid(), counters, ct);
            TypedField drafted;
            await using (before)
            {
                before.Type(text => TextOp.From(OpComponent.Retain(CodePoints.Count(text)), OpComponent.Insert(" written")));
                drafted = await before.CloseAsync(ct).WaitAsync(TimeSpan.FromSeconds(30));
            }

            var round = await facilitatorHub.CallOkAsync("OpenRound", panelId, new { name = "Locks", itemIds = new[] { itemId }, statementId = (string?)null, status = (string?)null });
            Assert.Equal("open", round["status"]!.GetValue<string>());

            var after = await FieldEditor.OpenAsync(author, itemId, new FieldState(FieldNames.Stem, drafted.Text, drafted.Revision, null, null, null), Guid.NewGuid(), counters, ct);
            await using (after)
            {
                after.Type(text => TextOp.From(OpComponent.Retain(CodePoints.Count(text)), OpComponent.Insert(" more")));
                var locked = await after.CloseAsync(ct).WaitAsync(TimeSpan.FromSeconds(30));

                Assert.True(after.IsLocked);
                Assert.True(after.Type(text => TextOp.From(OpComponent.Insert("x"))).IsNoop);
                Assert.Equal(new TypedField(itemId, FieldNames.Stem, drafted.Revision, "Stem written") { Locked = true }, locked);
            }

            var counts = counters.Snapshot();
            Assert.Equal((1, 1, 1, 0), (counts.Edits, counts.Locked, counts.Refusals, counts.Errors));
            Assert.True(diagnostics.ToString().Length == 0, diagnostics.ToString());
            var view = (await author.OpenItemAsync(itemId, ct)).Value!;
            Assert.Equal((ItemStatus.InReview, "Stem written"), (view.Summary.Status, view.TextField(FieldNames.Stem).Text));
        }
        finally
        {
            await facilitatorHub.DisposeAsync();
            await author.DisposeAsync();
            authorBrowser.Dispose();
        }
    }

    /// <summary>Single-character inserts at the start, each acknowledged before the next; the field's revision after them.</summary>
    private static async Task<int> TypeOneByOneAsync(HubSession hub, Guid itemId, int revision, int count, string character)
    {
        var clientId = Guid.NewGuid().ToString("N");
        for (var seq = 1; seq <= count; seq++)
        {
            var ack = await hub.EditAsync(itemId, FieldNames.Stem, revision, TextOp.From(OpComponent.Insert(character)), clientId, seq, CancellationToken.None);
            Assert.True(ack.Ok, $"edit {seq}: {ack.Error}");
            revision = ack.Value!.Revision;
        }

        return revision;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }

    private static async Task<(HubSession Hub, Browser Browser)> ConnectAsync(
        QuorumServer server, TestClient facilitator, Guid panelId, string name, SimulationCounters counters, ProblemLog log)
    {
        var (_, link) = await facilitator.InviteAsync(panelId, name);
        var browser = new Browser(server.Address, ServerTransport.Network);
        await browser.SignInAsync(SignInLink.Token(link), CancellationToken.None);
        var hub = await HubSession.ConnectAsync(browser, ServerTransport.Network, name, counters, log, CancellationToken.None);
        Assert.True((await hub.JoinPanelAsync(panelId, CancellationToken.None)).Ok);
        return (hub, browser);
    }
}

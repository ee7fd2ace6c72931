using Microsoft.AspNetCore.SignalR;
using Quorum.Domain.Editing;
using Quorum.Testing;

namespace Quorum.Web.Tests;

/// <summary>
/// kill -9 of the server while several tabs type into one field loses no acknowledged op: after the restart every
/// acknowledged op is in the field's history exactly once, the tabs catch up and resend on their own, and all
/// end on the server's text.
/// </summary>
public sealed class EditingCrashTests
{
    private const int Tabs = 3;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Acknowledged_ops_survive_kill_9_and_the_tabs_converge_after_the_restart(bool postgres)
    {
        await using var server = await QuorumServer.StartAsync(postgres ? await PostgresDatabase.CreateAsync() : null);
        await using var facilitator = new QuorumClient(server.Address);
        await facilitator.SignInOrFailAsync(server.FirstFacilitatorLink!);
        var panelId = ServerFixture.IdOf(await facilitator.CreatePanelAsync("Crash panel"), "panelId");
        var people = new List<(QuorumClient Client, Guid PersonId)>();
        for (var i = 0; i < Tabs; i++)
        {
            var (personId, link) = await facilitator.InviteAsync(panelId, $"Typist {i}", "Academic");
            var client = new QuorumClient(server.Address);
            await client.SignInOrFailAsync(link);
            people.Add((client, personId));
        }

        try
        {
            var first = await people[0].Client.ConnectHubAsync();
            var item = await first.CallOkAsync("CreateItem", panelId, ItemDrafts.Question(stem: "Start."));
            var itemId = ServerFixture.IdOf(item["summary"]!, "itemId");
            var tabs = new List<HubFieldTab>();
            foreach (var (person, i) in people.Select((p, i) => (p, i)))
            {
                var hub = i == 0 ? first : await person.Client.ConnectHubAsync();
                var stem = (await hub.CallOkAsync("OpenItem", itemId))["fields"]![0]!;
                tabs.Add(new HubFieldTab(hub, person.PersonId, $"tab{i}", itemId, "stem", stem["text"]!.GetValue<string>(), stem["revision"]!.GetValue<int>()));
            }

            // Phase 1: everyone types until the server dies under them.
            using var typing = new CancellationTokenSource();
            var typists = tabs.Select((tab, i) => Task.Run(() => TypeUntilFailureAsync(tab, new Random(i + 1), typing.Token))).ToList();
            await WaitUntil(() => tabs.All(t => t.Acknowledged.Count >= 20), TimeSpan.FromSeconds(30), "each tab has 20 acknowledged ops before the kill");
            await server.StopAsync(kill: true);
            await Task.WhenAll(typists).WaitAsync(TimeSpan.FromSeconds(30));
            var ackedBeforeKill = tabs.ToDictionary(t => t.ClientId, t => t.Acknowledged.ToHashSet());

            // Phase 2: the server comes back on the same port and data; each tab reconnects, catches up, resends, types on.
            await server.RestartAsync();
            foreach (var (tab, i) in tabs.Select((t, i) => (t, i)))
            {
                await tab.ReconnectAsync(await people[i].Client.ConnectHubAsync());
            }

            await Task.WhenAll(tabs.Select((tab, i) => Task.Run(async () =>
            {
                var random = new Random(100 + i);
                for (var n = 0; n < 10; n++)
                {
                    await tab.TypeAsync(text => RandomOp(random, text));
                }
            })));
            foreach (var tab in tabs)
            {
                await tab.CatchUpAsync();
            }

            var check = await people[0].Client.ConnectHubAsync();
            var final = (await check.CallOkAsync("OpenItem", itemId))["fields"]![0]!;
            var history = (await check.CallOkAsync("SyncField", itemId, "stem", "checker", 0))["edits"]!.AsArray();
            var text = final["text"]!.GetValue<string>();
            var revision = final["revision"]!.GetValue<int>();

            Assert.Equal(revision, history.Count);
            var applied = history.Select(e => (Client: e!["clientId"]!.GetValue<string>(), Seq: e["clientSeq"]!.GetValue<long>())).ToList();
            Assert.Equal(applied.Count, applied.Distinct().Count()); // nothing applied twice
            foreach (var (client, seqs) in ackedBeforeKill)
            {
                var missing = seqs.Where(seq => !applied.Contains((client, seq))).ToList();
                Assert.True(missing.Count == 0, $"{client}: ops {string.Join(",", missing)} were acknowledged before the kill but are not in the history after it");
            }

            Assert.All(tabs, tab => Assert.Equal((text, revision, false), (tab.Text, tab.Revision, tab.HasPending)));
            Assert.All(tabs, tab => Assert.Equal(tab.Acknowledged.Order(), applied.Where(a => a.Client == tab.ClientId).Select(a => a.Seq)));
        }
        finally
        {
            foreach (var (client, _) in people)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>Types single characters, one op in flight, until the connection fails (the kill) or the test stops it.</summary>
    private static async Task TypeUntilFailureAsync(HubFieldTab tab, Random random, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await tab.TypeAsync(text => RandomOp(random, text));
            }
        }
        catch (Exception e) when (e is HubException or InvalidOperationException or IOException or TaskCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // The server went away mid-call: the op stays in flight for the reconnect.
        }
    }

    /// <summary>One character typed or deleted at a random place; emoji half the time, so code points matter.</summary>
    private static TextOp RandomOp(Random random, string text)
    {
        var length = CodePoints.Count(text);
        var delete = length > 0 && random.Next(4) == 0;
        var at = random.Next(delete ? length : length + 1);
        var change = delete
            ? OpComponent.Delete(1)
            : OpComponent.Insert(random.Next(2) == 0 ? "😅" : ((char)('a' + random.Next(26))).ToString());
        return at == 0 ? TextOp.From(change) : TextOp.From(OpComponent.Retain(at), change);
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {timeout.TotalSeconds} s waiting until {what}.");
            await Task.Delay(20);
        }
    }
}

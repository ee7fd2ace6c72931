using Quorum.Testing;

namespace Quorum.Web.Tests;

/// <summary>What was acknowledged is still there after the server restarts, gracefully or after kill -9, on SQLite and PostgreSQL.</summary>
public sealed class RestartTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Panels_items_ratings_and_sessions_survive_a_restart(bool kill, bool postgres)
    {
        await using var server = await QuorumServer.StartAsync(postgres ? await PostgresDatabase.CreateAsync() : null);
        await using var facilitator = new QuorumClient(server.Address);
        await facilitator.SignInOrFailAsync(server.FirstFacilitatorLink!);
        var panelId = ServerFixture.IdOf(await facilitator.CreatePanelAsync("Durable panel"), "panelId");
        var (_, link) = await facilitator.InviteAsync(panelId, "Dora Durable", "Lawyer");
        await using var expert = new QuorumClient(server.Address);
        await expert.SignInOrFailAsync(link);
        var hub = await expert.ConnectHubAsync();
        var item = await hub.CallOkAsync("CreateItem", panelId, ItemDrafts.Question());
        var itemId = ServerFixture.IdOf(item["summary"]!, "itemId");
        await hub.CallOkAsync("Edit", itemId, "stem", 1, new object[] { new { d = "At what age do most children walk unaided?" }, "Edited before the restart" }, "tab", 1);
        var facilitatorHub = await facilitator.ConnectHubAsync();
        await facilitatorHub.CallOkAsync("OpenRound", panelId, new { itemIds = new[] { itemId } });
        await facilitatorHub.StopAsync();
        await hub.CallOkAsync("Rate", itemId, new { essentiality = "essential", relevance = 4, keyCorrect = true, reason = (string?)null });
        await hub.CallOkAsync("StartThread", itemId, "Before the restart", true);
        await hub.StopAsync();

        await server.RestartAsync(kill);

        var bank = await facilitator.GetAsync($"api/panels/{panelId}/items");
        var summary = Assert.Single(bank["items"]!.AsArray())!;
        Assert.Equal("Edited before the restart", summary["title"]!.GetValue<string>());
        Assert.Equal(1, summary["live"]!["current"]!["raters"]!.GetValue<int>());
        Assert.Equal(1, summary["openChallenges"]!.GetValue<int>());
        Assert.Null(server.FirstFacilitatorLink); // bootstrap is over once the first facilitator signed in
        var again = await expert.ConnectHubAsync();
        var view = await again.CallOkAsync("OpenItem", itemId);
        Assert.Equal(2, view["fields"]![0]!["revision"]!.GetValue<int>());
        Assert.Equal("essential", view["myRating"]!["essentiality"]!.GetValue<string>());
    }
}

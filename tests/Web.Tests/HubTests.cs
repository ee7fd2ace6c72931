using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Quorum.Testing;

namespace Quorum.Web.Tests;

/// <summary>
/// Over real Kestrel and the SignalR client: every hub call needs a session, is authorised by the grains,
/// refuses bad input with a typed error that leaves the connection usable, and others' changes arrive live.
/// </summary>
public sealed class HubTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_hub_connection_without_a_session_is_refused()
    {
        await using var anonymous = new QuorumClient(fixture.Server.Address);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => anonymous.ConnectHubAsync());
        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task A_handshake_from_another_origin_is_refused()
    {
        await using var expert = await fixture.ExpertAsync("Olive Origin");
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Server.Address, "hubs/panel"), o =>
            {
                o.Cookies = expert.Cookies;
                o.Headers["Origin"] = "https://evil.example";
            })
            .Build();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
        Assert.Contains("403", error.Message);
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task An_expert_writes_an_item_and_another_sees_it_arrive()
    {
        await using var writer = await fixture.ExpertAsync("Wanda Writer", "Frontline practitioner");
        await using var watcher = await fixture.ExpertAsync("Walt Watcher", "Sector leader");
        var writerHub = await writer.ConnectHubAsync();
        var watcherHub = await watcher.ConnectHubAsync();
        var created = Channel.CreateUnbounded<JsonNode>();
        watcherHub.On<JsonNode>("itemCreated", s => created.Writer.TryWrite(s));
        await watcherHub.CallOkAsync("JoinPanel", fixture.PanelId);

        var item = await writerHub.CallOkAsync("CreateItem", fixture.PanelId, ItemDrafts.Question(stem: "Live arrival?"));

        var seen = await created.Reader.ReadAsync().AsTask().WaitAsync(EventWait);
        Assert.Equal(item["summary"]!["itemId"]!.GetValue<string>(), seen["itemId"]!.GetValue<string>());
        Assert.Equal("Live arrival?", seen["title"]!.GetValue<string>());
        Assert.Equal("singleBestAnswer", seen["kind"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"kind\":\"singleBestAnswer\",\"statementId\":\"kss-cfp-1\",\"stem\":\"Q?\",\"options\":[\"a\",\"b\",\"c\"],\"keys\":[0]}", "options")]
    [InlineData("{\"kind\":\"multipleResponse\",\"statementId\":\"kss-cfp-1\",\"stem\":\"Q?\",\"options\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\"],\"keys\":[0,1]}", "keys")]
    [InlineData("{\"kind\":\"singleBestAnswer\",\"statementId\":\"kss-ps-1\",\"stem\":\"Q?\",\"options\":[\"a\",\"b\",\"c\",\"d\"],\"keys\":[0]}", "statementId")]
    public async Task Bad_items_are_refused_and_the_connection_stays_usable(string draft, string field)
    {
        await using var expert = await fixture.ExpertAsync("Bea Bad");
        var hub = await expert.ConnectHubAsync();

        var refused = await hub.CallAsync("CreateItem", fixture.PanelId, JsonNode.Parse(draft));

        Assert.Equal("invalid", refused["error"]!["code"]!.GetValue<string>());
        Assert.Equal(field, refused["error"]!["field"]!.GetValue<string>());
        Assert.True((await hub.CallAsync("JoinPanel", fixture.PanelId))["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Malformed_payloads_get_an_error_and_the_connection_stays_usable()
    {
        await using var expert = await fixture.ExpertAsync("Mal Formed");
        var hub = await expert.ConnectHubAsync();

        await Assert.ThrowsAsync<HubException>(() => hub.CallAsync("Edit", "not-a-guid", "stem", "one", "[]", "tab", 1));
        await Assert.ThrowsAsync<HubException>(() => hub.CallAsync("NoSuchMethod"));
        var nullRating = await hub.CallAsync("Rate", Guid.NewGuid(), null);

        Assert.Equal("invalid", nullRating["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HubConnectionState.Connected, hub.State);
        Assert.True((await hub.CallAsync("JoinPanel", fixture.PanelId))["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_message_over_the_limit_closes_only_that_connection()
    {
        await using var expert = await fixture.ExpertAsync("Max Size");
        var hub = await expert.ConnectHubAsync();
        var closed = new TaskCompletionSource<Exception?>();
        hub.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };

        _ = hub.SendAsync("Edit", Guid.NewGuid(), "stem", 1, new[] { new string('x', 140 * 1024) }, "tab", 1);
        await closed.Task.WaitAsync(EventWait);

        var fresh = await expert.ConnectHubAsync();
        Assert.True((await fresh.CallAsync("JoinPanel", fixture.PanelId))["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Ratings_need_reasons_and_reach_the_facilitator_live()
    {
        await using var rater = await fixture.ExpertAsync("Ray Rater", "Lawyer");
        var hub = await rater.ConnectHubAsync();
        var facilitatorHub = await fixture.Facilitator.ConnectHubAsync();
        var reviews = Channel.CreateUnbounded<JsonNode>();
        facilitatorHub.On<JsonNode>("itemReview", s => reviews.Writer.TryWrite(s));
        await facilitatorHub.CallOkAsync("JoinPanel", fixture.PanelId);
        var item = await hub.CallOkAsync("CreateItem", fixture.PanelId, ItemDrafts.Question());
        var itemId = ServerFixture.IdOf(item["summary"]!, "itemId");
        var notInRound = await hub.CallAsync("Rate", itemId, new { essentiality = "essential", relevance = 4, keyCorrect = true, reason = (string?)null });
        Assert.Equal("closed", notInRound["error"]!["code"]!.GetValue<string>());
        await facilitatorHub.CallOkAsync("OpenRound", fixture.PanelId, new { itemIds = new[] { itemId } });

        var noReason = await hub.CallAsync("Rate", itemId, new { essentiality = "notNecessary", relevance = 3, keyCorrect = true, reason = "" });
        var outOfRange = await hub.CallAsync("Rate", itemId, new { essentiality = "essential", relevance = 5, keyCorrect = true, reason = (string?)null });
        var review = await hub.CallOkAsync("Rate", itemId, new { essentiality = "essential", relevance = 4, keyCorrect = true, reason = (string?)null });

        Assert.Equal("reason", noReason["error"]!["field"]!.GetValue<string>());
        Assert.Equal("relevance", outOfRange["error"]!["field"]!.GetValue<string>());
        Assert.Equal(1, review["current"]!["raters"]!.GetValue<int>());
        JsonNode? rated = null;
        while (rated is null)
        {
            var summary = await reviews.Reader.ReadAsync().AsTask().WaitAsync(EventWait);
            rated = summary["itemId"]!.GetValue<string>() == itemId.ToString() && summary["live"]!["current"]!["raters"]!.GetValue<int>() == 1 ? summary : null;
        }

        Assert.Equal(1, rated["live"]!["current"]!["essential"]!.GetValue<int>());
        Assert.Equal(1.0, rated["live"]!["current"]!["contentValidityRatio"]!.GetValue<double>());
    }

    [Fact]
    public async Task An_expert_cannot_act_as_facilitator_or_on_another_panel()
    {
        await using var expert = await fixture.ExpertAsync("Ed Expert");
        var hub = await expert.ConnectHubAsync();
        var otherPanel = ServerFixture.IdOf(await fixture.Facilitator.CreatePanelAsync("Other panel", "kss-ps"), "panelId");
        var facilitatorHub = await fixture.Facilitator.ConnectHubAsync();
        await using var insider = await fixture.ExpertAsync("Ina Insider", panelId: otherPanel);
        var otherItem = await (await insider.ConnectHubAsync()).CallOkAsync("CreateItem", otherPanel, ItemDrafts.Question("kss-ps-2"));
        var otherItemId = ServerFixture.IdOf(otherItem["summary"]!, "itemId");

        Assert.Equal("forbidden", (await hub.CallAsync("JoinPanel", otherPanel))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", (await hub.CallAsync("OpenItem", otherItemId))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", (await hub.CallAsync("Edit", otherItemId, "stem", 1, new[] { "Mine now" }, "tab", 1))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", (await hub.CallAsync("SyncField", otherItemId, "stem", "tab", 0))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", (await hub.CallAsync("FieldAt", otherItemId, "stem", 1))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", (await hub.CallAsync("Presence", otherItemId, "tab", "stem", 1, 0, 0))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", (await hub.CallAsync("CreateItem", otherPanel, ItemDrafts.Question("kss-ps-2")))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", (await hub.CallAsync("SetStatus", otherItemId, "withdrawn", "Not mine"))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", (await hub.CallAsync("OpenRound", otherPanel, new { itemIds = new[] { otherItemId } }))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", (await hub.CallAsync("GetDashboard", otherPanel))["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.Http.GetAsync($"api/panels/{otherPanel}/items")).StatusCode);

        var item = await hub.CallOkAsync("CreateItem", fixture.PanelId, ItemDrafts.Question());
        var itemId = ServerFixture.IdOf(item["summary"]!, "itemId");
        Assert.Equal("forbidden", (await hub.CallAsync("OpenRound", fixture.PanelId, new { itemIds = new[] { itemId } }))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", (await hub.CallAsync("GetDashboard", fixture.PanelId))["error"]!["code"]!.GetValue<string>());
        Assert.Equal("forbidden", (await hub.CallAsync("SetReview", fixture.PanelId, new { instruments = new[] { "relevance" }, rules = new { requireCriticalCvr = false, minRaters = 1 }, pseudonymous = false }))["error"]!["code"]!.GetValue<string>());
        var untouched = await facilitatorHub.CallOkAsync("OpenItem", otherItemId);
        Assert.Equal("At what age do most children walk unaided?", untouched["fields"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Comments_and_challenges_arrive_live_and_resolve()
    {
        await using var author = await fixture.ExpertAsync("Ava Author");
        await using var critic = await fixture.ExpertAsync("Cid Critic", "Lawyer");
        var authorHub = await author.ConnectHubAsync();
        var criticHub = await critic.ConnectHubAsync();
        var item = await authorHub.CallOkAsync("CreateItem", fixture.PanelId, ItemDrafts.Question());
        var itemId = ServerFixture.IdOf(item["summary"]!, "itemId");
        var threads = Channel.CreateUnbounded<JsonNode>();
        authorHub.On<JsonNode>("threadChanged", t => threads.Writer.TryWrite(t));
        await authorHub.CallOkAsync("OpenItem", itemId);

        var thread = await criticHub.CallOkAsync("StartThread", itemId, "Option C is also defensible.", true);
        var arrived = await threads.Reader.ReadAsync().AsTask().WaitAsync(EventWait);
        var threadId = ServerFixture.IdOf(thread, "threadId");
        var challengeId = ServerFixture.IdOf(thread["comments"]![0]!, "commentId");

        Assert.Equal(1, arrived["openChallenges"]!.GetValue<int>());
        Assert.Equal("forbidden", (await criticHub.CallAsync("ResolveChallenge", threadId, challengeId, "Self-resolved"))["error"]!["code"]!.GetValue<string>());
        var resolved = await authorHub.CallOkAsync("ResolveChallenge", threadId, challengeId, "Stem now says 'unaided'.");
        Assert.Equal(0, resolved["openChallenges"]!.GetValue<int>());
        Assert.Equal("Stem now says 'unaided'.", resolved["comments"]![0]!["resolution"]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revoking_a_link_ends_the_session_and_closes_its_connections()
    {
        var (personId, link) = await fixture.Facilitator.InviteAsync(fixture.PanelId, "Rex Revoked", "Sector leader");
        await using var expert = new QuorumClient(fixture.Server.Address);
        await expert.SignInOrFailAsync(link);
        var hub = await expert.ConnectHubAsync();
        await hub.CallOkAsync("JoinPanel", fixture.PanelId);
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        var revoke = await fixture.Facilitator.Http.DeleteAsync($"api/panels/{fixture.PanelId}/members/{personId}/link");

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        await closed.Task.WaitAsync(EventWait);
        Assert.Equal(HttpStatusCode.Unauthorized, (await expert.Http.GetAsync("api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await expert.SignInAsync(link)).StatusCode);
    }
}

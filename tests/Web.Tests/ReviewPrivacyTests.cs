using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Quorum.Contracts.Live;
using Quorum.Testing;

namespace Quorum.Web.Tests;

/// <summary>
/// Against bias, over real SignalR: an expert who has not rated an item receives no distribution of its ratings by
/// any route, and in a pseudonymous panel no message an expert can receive carries another expert's name.
/// </summary>
public sealed class ReviewPrivacyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    private static readonly object Essential = new { essentiality = "essential", relevance = 4, keyCorrect = true, reason = (string?)null };

    [Fact]
    public async Task An_expert_who_has_not_rated_receives_no_distribution()
    {
        var panelId = ServerFixture.IdOf(await fixture.Facilitator.CreatePanelAsync("Hidden votes"), "panelId");
        await using var rater = await fixture.ExpertAsync("Rhea Rater", "Lawyer", panelId);
        await using var waiter = await fixture.ExpertAsync("Walt Waiter", "Academic", panelId);
        var facilitatorHub = await fixture.Facilitator.ConnectHubAsync();
        await facilitatorHub.CallOkAsync("JoinPanel", panelId);
        var raterHub = await rater.ConnectHubAsync();
        var item = await raterHub.CallOkAsync("CreateItem", panelId, ItemDrafts.Question());
        var itemId = ServerFixture.IdOf(item["summary"]!, "itemId");
        await facilitatorHub.CallOkAsync("OpenRound", panelId, new { itemIds = new[] { itemId } });

        var waiterHub = await waiter.ConnectHubAsync();
        var received = Record(waiterHub);
        await waiterHub.CallOkAsync("JoinPanel", panelId);
        var opened = await waiterHub.CallOkAsync("OpenItem", itemId);
        await raterHub.CallOkAsync("Rate", itemId, Essential);
        var reopened = await waiterHub.CallOkAsync("OpenItem", itemId);
        var review = await waiterHub.CallOkAsync("GetReview", itemId);
        var bank = await waiterHub.CallOkAsync("ListItems", panelId, null, null);
        var rest = await waiter.GetAsync($"api/panels/{panelId}/items");
        await Task.Delay(Settle);

        Assert.True(review["hidden"]!.GetValue<bool>());
        Assert.Null(review["current"]);
        Assert.Null(opened["review"]!["current"]);
        Assert.Null(reopened["review"]!["current"]);
        Assert.Null(reopened["summary"]!["live"]);
        Assert.All(new[] { bank, rest }.SelectMany(b => b["items"]!.AsArray()), s => Assert.Null(s!["live"]));
        Assert.Equal("forbidden", (await waiterHub.CallAsync("GetDashboard", panelId))["error"]!["code"]!.GetValue<string>());
        foreach (var message in Snapshot(received).Concat([opened, reopened, review, bank, rest]).Select(m => m.ToJsonString()))
        {
            Assert.DoesNotContain("\"raters\":1", message, StringComparison.Ordinal);
            Assert.DoesNotContain("\"essential\":1", message, StringComparison.Ordinal);
        }

        // Having rated, the expert sees the distribution.
        var own = await waiterHub.CallOkAsync("Rate", itemId, Essential);
        Assert.Equal(2, own["current"]!["raters"]!.GetValue<int>());
    }

    [Fact]
    public async Task In_a_pseudonymous_panel_nothing_an_expert_receives_names_another_expert()
    {
        var panelId = ServerFixture.IdOf(await fixture.Facilitator.CreatePanelAsync("Pseudonymous"), "panelId");
        var facilitatorHub = await fixture.Facilitator.ConnectHubAsync();
        await facilitatorHub.CallOkAsync("SetReview", panelId, new
        {
            instruments = new[] { "essentiality", "relevance", "keyCorrect" },
            rules = new { requireCriticalCvr = true, minItemCvi = 0.78, minKeyAgreement = 0.75, minRaters = 1 },
            pseudonymous = true,
        });
        await facilitatorHub.CallOkAsync("JoinPanel", panelId);
        const string authorName = "Xanthippe Quillfeather";
        const string reviewerName = "Bartholomew Inkwright";
        await using var author = await fixture.ExpertAsync(authorName, "Academic", panelId);
        await using var reviewer = await fixture.ExpertAsync(reviewerName, "Lawyer", panelId);
        var authorHub = await author.ConnectHubAsync();
        var reviewerHub = await reviewer.ConnectHubAsync();
        var heardByReviewer = Record(reviewerHub);
        var heardByAuthor = Record(authorHub);
        var panelSeen = await reviewerHub.CallOkAsync("JoinPanel", panelId);
        await authorHub.CallOkAsync("JoinPanel", panelId);

        var item = await authorHub.CallOkAsync("CreateItem", panelId, ItemDrafts.Question());
        var itemId = ServerFixture.IdOf(item["summary"]!, "itemId");
        var opened = await reviewerHub.CallOkAsync("OpenItem", itemId);
        await authorHub.CallOkAsync("OpenItem", itemId);
        await authorHub.CallOkAsync("Edit", itemId, "stem", 1, new object[] { 3, "typical " }, "tab-a", 1);
        await authorHub.CallOkAsync("Presence", itemId, "tab-a", "stem", 2, 3, 3);
        await reviewerHub.CallOkAsync("Presence", itemId, "tab-r", "stem", 2, 0, 0);
        var thread = await authorHub.CallOkAsync("StartThread", itemId, "Is the key right?", true);
        var threadId = ServerFixture.IdOf(thread, "threadId");
        await reviewerHub.CallOkAsync("Comment", threadId, null, "I think so.", false);
        await facilitatorHub.CallOkAsync("OpenRound", panelId, new { itemIds = new[] { itemId } });
        await authorHub.CallOkAsync("Rate", itemId, Essential);
        var review = await reviewerHub.CallOkAsync("Rate", itemId, new { essentiality = "notNecessary", relevance = 1, keyCorrect = false, reason = "Too narrow" });
        var asked = new[]
        {
            panelSeen, opened, review,
            await reviewerHub.CallOkAsync("GetThread", threadId),
            await reviewerHub.CallOkAsync("OpenItem", itemId),
            await reviewerHub.CallOkAsync("ListItems", panelId, null, null),
            await reviewerHub.CallOkAsync("FieldAt", itemId, "stem", 2),
            await reviewer.GetAsync($"api/panels/{panelId}/items"),
            await reviewer.GetAsync($"api/panels/{panelId}"),
        };
        await Task.Delay(Settle);

        var reviewerSaw = string.Join('\n', Snapshot(heardByReviewer).Concat(asked).Select(m => m.ToJsonString()));
        var authorSaw = string.Join('\n', Snapshot(heardByAuthor).Select(m => m.ToJsonString()));
        Assert.Contains("Academic 1", reviewerSaw, StringComparison.Ordinal); // the test sees the messages it searches
        Assert.Contains("Lawyer 1", authorSaw, StringComparison.Ordinal);
        Assert.DoesNotContain(authorName, reviewerSaw, StringComparison.Ordinal);
        Assert.DoesNotContain("Xanthippe", reviewerSaw, StringComparison.Ordinal);
        Assert.DoesNotContain(reviewerName, authorSaw, StringComparison.Ordinal);
        Assert.DoesNotContain("Bartholomew", authorSaw, StringComparison.Ordinal);

        // Facilitators see who is who.
        var members = (await facilitatorHub.CallOkAsync("JoinPanel", panelId))["members"]!.AsArray();
        Assert.Contains(members, m => m!["name"]!.GetValue<string>() == authorName && m["pseudonym"]!.GetValue<string>() == "Academic 1");
    }

    private static List<JsonNode> Snapshot(List<JsonNode> received)
    {
        lock (received)
        {
            return [.. received];
        }
    }

    /// <summary>Every live message the connection receives, whatever its method (all of <see cref="LiveMethods"/>).</summary>
    private static List<JsonNode> Record(HubConnection hub)
    {
        var received = new List<JsonNode>();
        var methods = typeof(LiveMethods).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.Contains("presence", methods);
        foreach (var method in methods)
        {
            hub.On<JsonElement>(method, payload =>
            {
                lock (received)
                {
                    received.Add(JsonNode.Parse(payload.GetRawText())!);
                }
            });
        }

        return received;
    }
}

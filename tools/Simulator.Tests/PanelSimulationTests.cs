using System.Text.Json.Nodes;
using Quorum.Domain;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Simulation;
using Quorum.Testing;

namespace Quorum.Simulator.Tests;

/// <summary>
/// A whole simulated panel against the real Quorum process: every expert signs in with their own link,
/// the bank ends with exactly the items asked for, every item has been through the review rounds the facilitator
/// ran (sent back once at most, revised, and reviewed again), what the bank and the rounds hold matches what the
/// report counted, and the text typed as ops is the items' text: every field as its last tab left it, with one
/// revision per op acknowledged.
/// </summary>
public sealed class PanelSimulationTests
{
    [Fact]
    public async Task A_panel_fills_with_the_items_asked_for_and_the_bank_matches_the_report()
    {
        await using var server = await QuorumServer.StartAsync();
        await using var facilitator = new QuorumClient(server.Address);
        await facilitator.SignInOrFailAsync(server.FirstFacilitatorLink ?? throw new InvalidOperationException(server.Output));
        var panelId = Guid.Parse((await facilitator.CreatePanelAsync("Simulated"))["panelId"]!.GetValue<string>());
        var (_, simulatorLink) = await facilitator.InviteAsync(panelId, "Simulator", role: "facilitator");
        var diagnostics = new StringWriter();

        var report = await new PanelSimulation(Options(server.Address, simulatorLink, panelId, experts: 6, items: 14), TextWriter.Null, diagnostics)
            .RunAsync(CancellationToken.None);

        Assert.True(report.Errors == 0, $"errors: {diagnostics}\nserver:\n{server.Output}");
        Assert.True(report.Refusals == report.Locked + report.LateRatings, $"refusals besides locks and late ratings: {diagnostics}");
        Assert.Equal(6, report.Experts);
        Assert.Equal(14, report.Items);
        Assert.Equal(14, report.ItemsSeenLive);
        Assert.True(report.Edits > 14, $"only {report.Edits} edits for 14 items");
        Assert.True(report.Ratings * 2 > 14 * 5, $"only {report.Ratings} ratings");
        Assert.Equal(report.Ratings, report.RatingsSeenLive); // the facilitator's connection heard of every rating

        var panel = await facilitator.GetAsync($"api/panels/{panelId}");
        Assert.Equal(8, panel["members"]!.AsArray().Count); // facilitator, simulator, six experts
        Assert.Equal(
            ["Academic", "Frontline practitioner", "Lawyer", "Sector leader"],
            panel["members"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == "expert").Select(m => m!["group"]!.GetValue<string>()).Distinct().Order());
        var bank = (await facilitator.GetAsync($"api/panels/{panelId}/items"))["items"]!.AsArray();
        Assert.Equal(14, bank.Count);
        Assert.Equal(report.Comments, bank.Sum(i => i!["comments"]!.GetValue<int>()));
        Assert.Equal(report.Challenges - report.Resolutions, bank.Sum(i => i!["openChallenges"]!.GetValue<int>()));
        // Every item was reviewed: agreed, or still needing revision after its second round. An item sent back by its
        // first round was revised by its author and reviewed again, so an item reviewed once was agreed.
        var statuses = bank.Select(i => (Status: i!["status"]!.GetValue<string>(), Rounds: i["rounds"]!.GetValue<int>())).ToList();
        Assert.Equal(14, report.Agreed + report.NeedsRevision);
        Assert.Equal(report.Agreed, statuses.Count(i => i.Status == "agreed"));
        Assert.Equal(report.NeedsRevision, statuses.Count(i => i.Status == "needsRevision"));
        Assert.All(statuses, i => Assert.InRange(i.Rounds, 1, 2));
        Assert.All(statuses.Where(i => i.Rounds == 1), i => Assert.Equal("agreed", i.Status));
        Assert.Equal(report.Revisions, statuses.Count(i => i.Rounds == 2));
        Assert.True(report.Revisions > 0, "no item was sent back, so revision was never tried: the test proves less than it says");

        var hub = await facilitator.ConnectHubAsync();
        var rounds = (await hub.CallOkAsync("ListRounds", panelId)).AsArray();
        Assert.Equal((report.RoundsOpened, report.RoundsOpened), (rounds.Count, report.RoundsClosed));
        Assert.All(rounds, r => Assert.Equal("closed", r!["status"]!.GetValue<string>()));
        Assert.Equal(14 + report.Revisions, rounds.Sum(r => r!["items"]!.GetValue<int>()));

        // Each rating answered ok is one rater of one item in one round: nobody rated twice, and every rating counted.
        var raters = 0;
        foreach (var round in rounds)
        {
            var results = (await hub.CallOkAsync("GetRound", Guid.Parse(round!["roundId"]!.GetValue<string>())))["results"]!["items"]!.AsArray();
            raters += results.Sum(r => r!["statistics"]!["raters"]!.GetValue<int>());
        }

        Assert.Equal(report.Ratings, raters);

        // Each item's main text and rationale were typed as ops: the server holds exactly what the last tab to leave
        // the field showed, and each field's revisions past its first text are the ops acknowledged, no more, no less.
        var opsApplied = 0;
        foreach (var item in bank)
        {
            var itemId = Guid.Parse(item!["itemId"]!.GetValue<string>());
            var isScenario = item["kind"]!.GetValue<string>() == "scenario";
            var fields = (await hub.CallOkAsync("OpenItem", itemId))["fields"]!.AsArray()
                .ToDictionary(f => f!["field"]!.GetValue<string>(), f => (Revision: f!["revision"]!.GetValue<int>(), Text: f["text"]!.GetValue<string>()));
            string[] textFields = isScenario ? ["vignette"] : ["rationale", "stem"];
            var typed = report.Fields.Where(f => f.ItemId == itemId).ToList();
            Assert.Equal(textFields, typed.Select(f => f.Field));
            foreach (var field in typed)
            {
                Assert.Equal((field.Revision, field.Text), fields[field.Field]);
            }

            var main = fields[textFields[^1]];
            Assert.False(string.IsNullOrWhiteSpace(main.Text), $"item {itemId} has a blank {textFields[^1]}");
            opsApplied += main.Revision - 1 + (isScenario ? 0 : fields["rationale"].Revision); // the main text was created with the item
        }

        Assert.Equal(report.Edits, opsApplied);

        // The bank's titles follow the typed text (the item hears of its fields' changes, and caught up when opened above).
        foreach (var item in (await facilitator.GetAsync($"api/panels/{panelId}/items"))["items"]!.AsArray())
        {
            var title = item!["title"]!.GetValue<string>();
            var main = report.Fields.Single(f => f.ItemId == Guid.Parse(item["itemId"]!.GetValue<string>()) && f.Field is "stem" or "vignette");
            Assert.False(string.IsNullOrWhiteSpace(title));
            Assert.StartsWith(title.TrimEnd('…'), Text.Opening(main.Text, int.MaxValue), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_panel_set_to_every_instrument_is_rated_on_each_of_them_in_one_round()
    {
        await using var server = await QuorumServer.StartAsync();
        await using var facilitator = new QuorumClient(server.Address);
        await facilitator.SignInOrFailAsync(server.FirstFacilitatorLink ?? throw new InvalidOperationException(server.Output));
        var panelId = Guid.Parse((await facilitator.CreatePanelAsync("Every instrument"))["panelId"]!.GetValue<string>());
        var (_, simulatorLink) = await facilitator.InviteAsync(panelId, "Simulator", role: "facilitator");
        var diagnostics = new StringWriter();
        Instrument[] all = [Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect, Instrument.Clarity, Instrument.Angoff];

        var report = await new PanelSimulation(
                Options(server.Address, simulatorLink, panelId, experts: 4, items: 8) with { MaxRounds = 1, Instruments = all }, TextWriter.Null, diagnostics)
            .RunAsync(CancellationToken.None);

        Assert.True(report.Errors == 0, $"errors: {diagnostics}\nserver:\n{server.Output}");
        Assert.True(report.Refusals == report.Locked + report.LateRatings, $"refusals besides locks and late ratings: {diagnostics}");
        Assert.Equal((8, 0), (report.Agreed + report.NeedsRevision, report.Revisions));
        var panel = await facilitator.GetAsync($"api/panels/{panelId}");
        Assert.Equal(["essentiality", "relevance", "keyCorrect", "clarity", "angoff"], panel["review"]!["instruments"]!.AsArray().Select(i => i!.GetValue<string>()));

        // One round per item; every rater answered every instrument that applies (a scenario has no key and no Angoff).
        var hub = await facilitator.ConnectHubAsync();
        var rounds = (await hub.CallOkAsync("ListRounds", panelId)).AsArray();
        Assert.Equal((report.RoundsOpened, report.RoundsOpened, 8), (rounds.Count, report.RoundsClosed, rounds.Sum(r => r!["items"]!.GetValue<int>())));
        var raters = 0;
        foreach (var round in rounds)
        {
            foreach (var result in (await hub.CallOkAsync("GetRound", Guid.Parse(round!["roundId"]!.GetValue<string>())))["results"]!["items"]!.AsArray())
            {
                var statistics = result!["statistics"]!;
                var rated = statistics["raters"]!.GetValue<int>();
                var isQuestion = result["isQuestion"]!.GetValue<bool>();
                raters += rated;
                Assert.Equal(rated, Sum(statistics["clarity"]!));
                Assert.Equal(rated, Sum(statistics["relevance"]!));
                Assert.Equal(isQuestion ? rated : 0, Sum(statistics["angoff"]!));
                Assert.Equal(isQuestion ? rated : 0, statistics["keyAgree"]!.GetValue<int>() + statistics["keyDisagree"]!.GetValue<int>());
            }
        }

        Assert.Equal(report.Ratings, raters);

        static int Sum(JsonNode counts) => counts.AsArray().Sum(c => c!.GetValue<int>());
    }

    [Fact]
    public async Task A_refused_sign_in_link_ends_the_run_with_one_error_and_a_report()
    {
        await using var server = await QuorumServer.StartAsync();
        var diagnostics = new StringWriter();
        var origin = server.Address.GetLeftPart(UriPartial.Authority);

        var report = await new PanelSimulation(Options(server.Address, $"{origin}/join#not-a-token", null, 2, 2), TextWriter.Null, diagnostics)
            .RunAsync(CancellationToken.None);

        Assert.Equal(1, report.Errors);
        Assert.Equal(0, report.Experts);
        Assert.Null(report.PanelId);
        Assert.Contains("POST /api/session was refused: 401 unauthenticated", diagnostics.ToString(), StringComparison.Ordinal);
    }

    private static SimulationOptions Options(Uri server, string link, Guid? panelId, int experts, int items) => new()
    {
        Server = server,
        FacilitatorLink = link,
        PanelId = panelId,
        Experts = experts,
        Items = items,
        Seed = 3,
        Pace = TimeSpan.FromMilliseconds(2),
        TracesFolder = TestData.Traces,
        TimeLimit = TimeSpan.FromMinutes(2),
        ProgressInterval = TimeSpan.FromSeconds(1),
    };
}

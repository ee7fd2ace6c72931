using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Quorum.Testing;

namespace Quorum.Browser.Tests;

/// <summary>
/// In real Chromium, a Delphi review over two rounds: an expert sees no distribution before rating; when a round closes
/// the facilitator's dashboard shows each item's decision without a reload; in the next round experts see the previous
/// round's distribution, decision and anonymous reasons beside their own earlier rating; and in a pseudonymous panel the
/// facilitator sees the real name behind a pseudonym while experts see only the pseudonym.
/// </summary>
public sealed class ConsensusFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string AgreedStem = "Which statutory guidance sets out how agencies work together to safeguard children?";
    private const string ContestedStem = "At what age do most children walk unaided?";
    private const string DisagreeReason = "24 months can still be typical, so the key is arguable.";

    private QuorumServer? server;

    private QuorumServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => server = await QuorumServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Three_experts_reach_consensus_over_two_rounds_while_the_facilitator_watches_live()
    {
        // Set-up over the API: a panel, a facilitator to sign in in the browser, the author and three experts.
        await using var owner = new QuorumClient(Server.Address);
        await owner.SignInOrFailAsync(Server.FirstFacilitatorLink ?? throw new InvalidOperationException(Server.Output));
        var panel = await owner.CreatePanelAsync("Consensus panel");
        var panelId = Guid.Parse(panel["panelId"]!.GetValue<string>());
        var (_, facilitatorLink) = await owner.InviteAsync(panelId, "Fiona Facilitator", role: "facilitator");
        var (authorId, authorLink) = await owner.InviteAsync(panelId, "Wren Writer", "Frontline practitioner");
        string[] names = ["Ada Okafor", "Lee Marsh", "Sam Reyes"];
        string[] groups = ["Academic", "Lawyer", "Sector leader"];
        var expertLinks = new List<string>();
        for (var i = 0; i < names.Length; i++)
        {
            expertLinks.Add((await owner.InviteAsync(panelId, names[i], groups[i])).Link);
        }

        // The facilitator sets the panel's review up in the browser: three raters decide, no CVR rule (it needs five),
        // the key must have 75% agreement, and experts see one another by pseudonym.
        var facilitator = await browser.NewPersonAsync();
        await SignInAsync(facilitator, facilitatorLink);
        await facilitator.GotoAsync(Url($"panels/{panelId}/review"));
        var settings = facilitator.GetByTestId("review-settings");
        await settings.GetByLabel("The essential count reaches Lawshe's critical value (exact binomial, p = .05)").UncheckAsync();
        await settings.GetByLabel("Fewest raters for a decision").FillAsync("3");
        await settings.GetByLabel("Experts see one another by pseudonym", new() { Exact = false }).CheckAsync();
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save review settings" }).ClickAsync();
        await Expect(facilitator.GetByText("The review settings were saved.")).ToBeVisibleAsync();
        await Expect(facilitator.GetByTestId("settings-disclosure")).ToContainTextAsync("This panel is pseudonymous");

        // The author writes two items (over the hub, as the browser does).
        await using var authorClient = new QuorumClient(Server.Address);
        await authorClient.SignInOrFailAsync(authorLink);
        var authorHub = await authorClient.ConnectHubAsync();
        var agreedId = await CreateItemAsync(authorHub, panelId, AgreedStem, "kss-cfp-1");
        var contestedId = await CreateItemAsync(authorHub, panelId, ContestedStem, "kss-cfp-3");

        // Round 1 over both items, picked from the bank, in a second tab; the first tab watches the dashboard.
        await facilitator.GotoAsync(Url($"panels/{panelId}/live"));
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Live dashboard — Consensus panel" })).ToBeVisibleAsync();
        await Expect(facilitator.GetByTestId("connection-status")).ToContainTextAsync("Live");
        var desk = await facilitator.Context.NewPageAsync();
        await desk.GotoAsync(Url($"panels/{panelId}/rounds"));
        var form = desk.GetByTestId("open-round-form");
        await form.GetByLabel("Items I pick from the bank").CheckAsync();
        await form.GetByLabel(AgreedStem, new() { Exact = false }).CheckAsync();
        await form.GetByLabel(ContestedStem, new() { Exact = false }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Open round" }).ClickAsync();
        await Expect(desk.GetByTestId("round-opened")).ToContainTextAsync("Round 1 is open with 2 items.");

        var liveItems = facilitator.GetByTestId("live-items");
        var agreedRow = liveItems.GetByRole(AriaRole.Row).Filter(new() { HasText = AgreedStem });
        var contestedRow = liveItems.GetByRole(AriaRole.Row).Filter(new() { HasText = ContestedStem });
        await Expect(agreedRow.GetByTestId("live-status")).ToHaveTextAsync("In review");
        await Expect(contestedRow.GetByTestId("live-status")).ToHaveTextAsync("In review");

        // Three experts: each sees what is revealed when, no distribution before rating, and the author by pseudonym only.
        var experts = new List<IPage>();
        foreach (var link in expertLinks)
        {
            var page = await browser.NewPersonAsync();
            await SignInAsync(page, link);
            experts.Add(page);
        }

        for (var i = 0; i < experts.Count; i++)
        {
            var page = experts[i];
            await OpenItemAsync(page, panelId, agreedId);
            if (i == 0)
            {
                await Expect(page.GetByTestId("disclosure")).ToContainTextAsync("you do not see how others rated an item until you have rated it yourself");
                await Expect(page.GetByTestId("item-author")).ToHaveTextAsync("Frontline practitioner 1");
                await Expect(page.GetByText("Wren Writer")).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("distribution-hidden")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("current-distribution")).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("lock-reason")).ToContainTextAsync("The item is in review; its text is locked");
            }

            await RateAsync(page, keyCorrect: true, reason: null);
            await Expect(page.GetByTestId("current-distribution")).ToContainTextAsync($"{i + 1} {(i == 0 ? "rater" : "raters")}");

            // The third expert disagrees with the contested item's key.
            await OpenItemAsync(page, panelId, contestedId);
            await Expect(page.GetByTestId("distribution-hidden")).ToBeVisibleAsync();
            await RateAsync(page, keyCorrect: i != 2, reason: i == 2 ? DisagreeReason : null);
        }

        // The dashboard moved with every rating; the rules' preview already says how each item would close.
        await Expect(agreedRow.GetByTestId("live-raters")).ToHaveTextAsync("3");
        await Expect(contestedRow.GetByTestId("live-raters")).ToHaveTextAsync("3");
        await Expect(contestedRow).ToContainTextAsync("Key agreement 0.667; at least 0.75 needed");

        // The facilitator sees real names (beside the pseudonym) where experts see pseudonyms.
        await Expect(facilitator.GetByTestId("experts-table")).ToContainTextAsync("Sam Reyes");
        await desk.GotoAsync(Url($"panels/{panelId}/items/{contestedId}"));
        await Expect(desk.GetByTestId("item-author")).ToHaveTextAsync("Wren Writer (Frontline practitioner 1)");
        await Expect(desk.GetByTestId("current-distribution")).ToContainTextAsync("3 raters");

        // Round 1 closes (with confirmation): the dashboard shows each decision live.
        await CloseRoundAsync(desk, panelId, "Round 1");
        await Expect(agreedRow.GetByTestId("live-status")).ToContainTextAsync("Agreed");
        await Expect(contestedRow.GetByTestId("live-status")).ToContainTextAsync("Needs revision");

        // The author revises the failing item: its text is editable again.
        var author = await browser.NewPersonAsync();
        await SignInAsync(author, authorLink);
        await OpenItemAsync(author, panelId, contestedId);
        await Expect(author.GetByTestId("item-status")).ToHaveTextAsync("Needs revision");
        await Expect(author.GetByTestId("lock-reason")).ToHaveCountAsync(0);
        const string revised = "Most children walk by 12 to 15 months; 24 months is outside the usual range.";
        await author.Locator("[data-field='rationale'] textarea").FillAsync(revised);
        await WaitUntilAsync("the revised rationale reaches the server", async () =>
        {
            var view = await authorHub.CallOkAsync("OpenItem", contestedId);
            return view["fields"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == "rationale")!["text"]!.GetValue<string>() == revised;
        });

        // Round 2 over the items that need revision.
        await desk.GotoAsync(Url($"panels/{panelId}/rounds"));
        await desk.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Items needing revision only" });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Open round" }).ClickAsync();
        await Expect(desk.GetByTestId("round-opened")).ToContainTextAsync("Round 2 is open with 1 item.");
        await Expect(contestedRow.GetByTestId("live-status")).ToHaveTextAsync("In review");
        await Expect(author.GetByTestId("lock-reason")).ToBeVisibleAsync();

        // Each expert sees round 1's feedback beside their own earlier rating, nothing of round 2 before rating, and rates again.
        for (var i = 0; i < experts.Count; i++)
        {
            var page = experts[i];
            await OpenItemAsync(page, panelId, contestedId);
            var previous = page.GetByTestId("previous-round");
            await Expect(previous.GetByRole(AriaRole.Heading, new() { Name = "Feedback from Round 1" })).ToBeVisibleAsync();
            await Expect(previous.GetByTestId("previous-decision")).ToContainTextAsync("Needs revision");
            await Expect(previous.GetByTestId("previous-decision")).ToContainTextAsync("Not met: Key agreement 0.667; at least 0.75 needed");
            await Expect(previous.GetByTestId("previous-distribution")).ToContainTextAsync("3 raters");
            await Expect(previous.GetByTestId("previous-reasons")).ToContainTextAsync(DisagreeReason);
            await Expect(previous.GetByTestId("my-previous-rating")).ToContainTextAsync(i == 2 ? "key not correct (disagree)" : "key correct (agree)");
            await Expect(page.GetByTestId("distribution-hidden")).ToBeVisibleAsync();
            await RateAsync(page, keyCorrect: true, reason: null);
            await Expect(page.GetByTestId("current-distribution")).ToContainTextAsync($"{i + 1} {(i == 0 ? "rater" : "raters")}");
        }

        await Expect(contestedRow.GetByTestId("live-raters")).ToHaveTextAsync("3");
        await CloseRoundAsync(desk, panelId, "Round 2");
        await Expect(contestedRow.GetByTestId("live-status")).ToContainTextAsync("Agreed");
        await Expect(agreedRow.GetByTestId("live-status")).ToContainTextAsync("Agreed");
    }

    private static async Task WaitUntilAsync(string what, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(100);
        }
    }

    private string Url(string path) => new Uri(Server.Address, path).ToString();

    private static async Task<Guid> CreateItemAsync(Microsoft.AspNetCore.SignalR.Client.HubConnection hub, Guid panelId, string stem, string statement)
    {
        JsonNode item = await hub.CallOkAsync("CreateItem", panelId, ItemDrafts.Question(statement, stem));
        return Guid.Parse(item["summary"]!["itemId"]!.GetValue<string>());
    }

    private async Task OpenItemAsync(IPage page, Guid panelId, Guid itemId)
    {
        await page.GotoAsync(Url($"panels/{panelId}/items/{itemId}"));
        await Expect(page.GetByTestId("review")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("connection-status")).ToContainTextAsync("Live");
    }

    private static async Task RateAsync(IPage page, bool keyCorrect, string? reason)
    {
        await page.GetByRole(AriaRole.Group, new() { Name = "Essentiality" }).GetByLabel("Essential", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Relevance" }).GetByLabel("4 — highly relevant").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Is the key correct?" }).GetByLabel(keyCorrect ? "Agree" : "Disagree", new() { Exact = true }).CheckAsync();
        if (reason is not null)
        {
            await page.GetByLabel("Reason", new() { Exact = true }).FillAsync(reason);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit rating" }).ClickAsync();
        await Expect(page.GetByText("Your rating was saved.")).ToBeVisibleAsync();
    }

    private async Task CloseRoundAsync(IPage desk, Guid panelId, string round)
    {
        await desk.GotoAsync(Url($"panels/{panelId}/rounds"));
        await desk.GetByRole(AriaRole.Button, new() { Name = $"Close round {round}" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = $"Yes, close {round}" }).ClickAsync();
        var row = desk.GetByTestId("rounds-table").GetByRole(AriaRole.Row).Filter(new() { HasText = round });
        await Expect(row.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("Closed");
    }

    private static async Task SignInAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your panels", Level = 1 })).ToBeVisibleAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Quorum.Testing;

namespace Quorum.Browser.Tests;

/// <summary>
/// In real Chromium, three people at once: a facilitator invites two experts; one writes an item; the other
/// comments, challenges and, once a round is open, rates it; the facilitator's live dashboard changes as it happens,
/// without a reload.
/// </summary>
public sealed partial class PanelFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
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
    public async Task A_facilitator_watches_an_item_written_challenged_and_rated_live()
    {
        var facilitator = await browser.NewPersonAsync();
        await SignInAsync(facilitator, Server.FirstFacilitatorLink ?? throw new InvalidOperationException(Server.Output));
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Your panels", Level = 1 })).ToBeVisibleAsync();

        await facilitator.GetByLabel("Panel name").FillAsync("Child and family panel");
        await facilitator.GetByLabel("Framework", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Knowledge and skills statement for child and family practitioners" });
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Create panel" }).ClickAsync();
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Item bank — Child and family panel" })).ToBeVisibleAsync();

        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        var writerLink = await InviteAsync(facilitator, "Wren Writer", "Frontline practitioner");
        var reviewerLink = await InviteAsync(facilitator, "Rhys Reviewer", "Lawyer");

        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Live dashboard" }).ClickAsync();
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Live dashboard — Child and family panel" })).ToBeVisibleAsync();
        await Expect(facilitator.GetByTestId("connection-status")).ToContainTextAsync("Live");

        // The writer writes a single best answer item.
        var writer = await browser.NewPersonAsync();
        await SignInAsync(writer, writerLink);
        await writer.GetByRole(AriaRole.Link, new() { Name = "Child and family panel" }).ClickAsync();
        await writer.GetByRole(AriaRole.Button, new() { Name = "Write an item" }).ClickAsync();
        await writer.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Single best answer" });
        await writer.GetByLabel("Framework statement").SelectOptionAsync(new SelectOptionValue { Label = "3. Child development" });
        await writer.GetByLabel("Stem").FillAsync("At what age do most children <b>walk</b> unaided?");
        string[] options = ["6 months", "12 months", "24 months", "36 months"];
        for (var i = 0; i < options.Length; i++)
        {
            await writer.GetByLabel($"Option {(char)('A' + i)}", new() { Exact = true }).FillAsync(options[i]);
        }

        await writer.GetByLabel("Key B").CheckAsync();
        await writer.GetByLabel("Rationale (optional)").FillAsync("Most children walk between 12 and 15 months.");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Save item" }).ClickAsync();
        await Expect(writer).ToHaveURLAsync(ItemUrl());

        // The item reaches the facilitator's dashboard without a reload: coverage counts it.
        var coverage = facilitator.GetByTestId("coverage-table").GetByRole(AriaRole.Row).Filter(new() { HasText = "3. Child development" });
        await Expect(coverage.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("1");

        // The reviewer opens it from the bank, challenges it and rates it.
        var reviewer = await browser.NewPersonAsync();
        await SignInAsync(reviewer, reviewerLink);
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Child and family panel" }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "At what age do most children <b>walk</b> unaided?" }).ClickAsync();
        await reviewer.GetByLabel("Comment", new() { Exact = true }).FillAsync("Option C is also within the normal range.");
        await reviewer.GetByLabel("This is a challenge").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Start thread" }).ClickAsync();
        await Expect(reviewer.GetByText("Challenge — open")).ToBeVisibleAsync();

        // The challenged item joins the dashboard's attention queue; its markup-like text shows as text.
        var attention = facilitator.GetByTestId("attention").Locator(":scope > li").Filter(new() { HasText = "At what age do most children <b>walk</b> unaided?" });
        await Expect(attention).ToContainTextAsync("1 open challenge");
        await Expect(facilitator.Locator("b", new() { HasText = "walk" })).ToHaveCountAsync(0);

        // A draft cannot be rated: ratings need an open round, which a facilitator opens (in a second tab).
        await Expect(reviewer.GetByTestId("rating-closed")).ToContainTextAsync("not in an open review round");
        var desk = await facilitator.Context.NewPageAsync();
        await desk.GotoAsync(facilitator.Url.Replace("/live", "/rounds", StringComparison.Ordinal));
        await desk.GetByLabel("Statement", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "3. Child development" });
        await desk.GetByRole(AriaRole.Button, new() { Name = "Open round" }).ClickAsync();
        await Expect(desk.GetByTestId("round-opened")).ToContainTextAsync("Round 1 is open with 1 item.");
        await Expect(reviewer.GetByTestId("rating-closed")).ToHaveCountAsync(0);
        var row = facilitator.GetByTestId("live-items").GetByRole(AriaRole.Row).Filter(new() { HasText = "At what age do most children <b>walk</b> unaided?" });
        await Expect(row.GetByTestId("live-status")).ToHaveTextAsync("In review");

        await reviewer.GetByRole(AriaRole.Group, new() { Name = "Essentiality" }).GetByLabel("Essential", new() { Exact = true }).CheckAsync();
        await reviewer.GetByRole(AriaRole.Group, new() { Name = "Relevance" }).GetByLabel("4 — highly relevant").CheckAsync();
        await reviewer.GetByRole(AriaRole.Group, new() { Name = "Is the key correct?" }).GetByLabel("Disagree", new() { Exact = true }).CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Submit rating" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Alert).Filter(new() { HasText = "reason" })).ToBeVisibleAsync();
        await reviewer.GetByLabel("Reason").FillAsync("Walking at 24 months can still be typical.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Submit rating" }).ClickAsync();
        await Expect(reviewer.GetByText("Your rating was saved.")).ToBeVisibleAsync();

        // The facilitator's dashboard shows the rating, still without a reload.
        await Expect(row.GetByTestId("live-raters")).ToHaveTextAsync("1");
        await Expect(row).ToContainTextAsync("1 rated; at least 5 needed");

        // The author sees the challenge live and resolves it; the item leaves the attention queue.
        await writer.GetByRole(AriaRole.Button, new() { Name = "Open thread started by Rhys Reviewer" }).ClickAsync();
        await writer.GetByLabel("Resolution note").FillAsync("Key kept: 24 months is outside the usual range.");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Resolve challenge" }).ClickAsync();
        await Expect(writer.GetByText("Challenge — resolved: Key kept: 24 months is outside the usual range. by Wren Writer")).ToBeVisibleAsync();
        await Expect(attention.Filter(new() { HasText = "open challenge" })).ToHaveCountAsync(0);
    }

    private static async Task SignInAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your panels", Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task<string> InviteAsync(IPage facilitator, string name, string group)
    {
        await facilitator.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await facilitator.GetByLabel("Group", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = group });
        await facilitator.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Expert" });
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = $"Link for {name}" })).ToBeVisibleAsync();
        var link = await facilitator.GetByTestId("sign-in-link").InputValueAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(facilitator.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("Active");
        return link;
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    [GeneratedRegex("/panels/[0-9a-f-]+/items/[0-9a-f-]+$")]
    private static partial Regex ItemUrl();
}

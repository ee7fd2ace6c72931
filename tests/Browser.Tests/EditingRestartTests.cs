using Microsoft.Playwright;

namespace Quorum.Browser.Tests;

/// <summary>
/// A server killed with kill -9 in the middle of typing loses nothing it acknowledged, and the open pages reconnect
/// by themselves when it is back, send what they held meanwhile, and end with exactly the server's text, without a reload.
/// </summary>
public sealed class EditingRestartTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A restart of the process and the pages' reconnect backoff, on a loaded two-core machine.</summary>
    private const float ReconnectTimeoutMs = 60_000;

    [Fact]
    public async Task Pages_typing_through_a_kill_9_reconnect_by_themselves_and_converge_with_nothing_acknowledged_lost()
    {
        await using var server = await EditingServer.StartAsync();
        await using var item = await ItemEditors.OpenAsync(browser, server, "K>\nL>", "Kim Kill", "Lou Lost");
        var (kim, lou) = (item[0], item[1]);
        foreach (var editor in item.All)
        {
            editor.ExpectConnectionLoss();
            await editor.Page.EvaluateAsync("() => { window.sameDocument = true; }"); // gone if the page reloads
        }

        await kim.CaretToLineEndAsync("Stem", 0);
        await lou.CaretToLineEndAsync("Stem", 1);
        const string kimBefore = "kim starts 😀 typing and goes on typing while the server dies";
        const string louBefore = "lou starts 🎉 typing and goes on typing while the server dies";
        const string kimDuring = " then 𝄞 more while it is away";
        const string louDuring = " then 𠀋 more while it is away";
        const string kimAfter = " and 🍀 after";
        const string louAfter = " and ✨ after";

        // Both type; once each has seen the other's first words (so the server had them on disk), kill -9.
        var typing = Task.WhenAll(kim.TypeAsync(kimBefore), lou.TypeAsync(louBefore));
        await kim.WaitForFunctionAsync("stem", "value => value.includes('L>lou ')", "before the kill");
        await lou.WaitForFunctionAsync("stem", "value => value.includes('K>kim ')", "before the kill");
        var (acknowledged, _) = await server.FieldAsync(item.ItemId, "stem");
        await server.Server.StopAsync(kill: true);

        // They go on typing with nobody listening; each page says, in words, that it is not saved.
        await typing;
        await Task.WhenAll(kim.TypeAsync(kimDuring), lou.TypeAsync(louDuring));
        foreach (var editor in item.All)
        {
            await Assertions.Expect(editor.Page.GetByTestId("connection-status")).ToContainTextAsync("Reconnecting");
            await Assertions.Expect(editor.SaveState("stem")).ToHaveTextAsync("Not saved — retrying");
        }

        await server.Server.StartAgainAsync();
        foreach (var editor in item.All)
        {
            await Assertions.Expect(editor.Page.GetByTestId("connection-status")).ToContainTextAsync("Live", new() { Timeout = ReconnectTimeoutMs });
        }

        var recovered = await item.ConvergeAsync("stem", "after the restart", ReconnectTimeoutMs);
        var lines = recovered.Split('\n');
        var acknowledgedLines = acknowledged.Split('\n');
        Assert.True(lines.Length == 2 && acknowledgedLines.Length == 2, $"Two lines expected: {Editor.Show(recovered)}");
        for (var i = 0; i < 2; i++)
        {
            Assert.True(lines[i].StartsWith(acknowledgedLines[i], StringComparison.Ordinal),
                $"Line {i} lost acknowledged text: before the kill {Editor.Show(acknowledgedLines[i])}, after {Editor.Show(lines[i])}.");
        }

        Assert.Equal($"K>{kimBefore}{kimDuring}\nL>{louBefore}{louDuring}", recovered);

        // Typing goes on as before.
        await Task.WhenAll(kim.TypeAsync(kimAfter), lou.TypeAsync(louAfter));
        var after = await item.ConvergeAsync("stem", "typing after the restart");
        Assert.Equal($"K>{kimBefore}{kimDuring}{kimAfter}\nL>{louBefore}{louDuring}{louAfter}", after);
        foreach (var editor in item.All)
        {
            Assert.True(await editor.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), $"{editor.Name}'s page was reloaded.");
        }
    }

    [Fact]
    public async Task A_keystroke_made_while_the_server_is_down_reaches_a_page_that_only_watches()
    {
        // The watching page must join the item's group again before it asks what it missed: the keystroke the
        // other page resends on reconnecting can land between the two, and would then never reach it. The window
        // is short, so the outage is repeated.
        await using var server = await EditingServer.StartAsync();
        await using var item = await ItemEditors.OpenAsync(browser, server, "Count: ", "Mia Types", "Ned Watches");
        var (mia, ned) = (item[0], item[1]);
        foreach (var editor in item.All)
        {
            editor.ExpectConnectionLoss();
        }

        await mia.CaretToLineEndAsync("Stem", 0);
        for (var round = 1; round <= 3; round++)
        {
            await server.Server.StopAsync(kill: true);
            await mia.TypeAsync($"{round}");
            await Assertions.Expect(mia.SaveState("stem")).ToHaveTextAsync("Not saved — retrying");
            await server.Server.StartAgainAsync();
            var text = await item.ConvergeAsync("stem", $"outage {round}", ReconnectTimeoutMs);
            Assert.Equal("Count: " + string.Concat(Enumerable.Range(1, round)), text);
        }

        await Assertions.Expect(ned.Field("Stem")).ToHaveValueAsync("Count: 123");
    }
}

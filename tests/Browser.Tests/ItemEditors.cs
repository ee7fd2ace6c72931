using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Quorum.Testing;

namespace Quorum.Browser.Tests;

/// <summary>
/// A server with a panel and its facilitator signed in over HTTP and the hub; the facilitator's hub
/// connection is how a test reads the server's own text of a field.
/// </summary>
public sealed class EditingServer : IAsyncDisposable
{
    private readonly QuorumClient facilitator;
    private HubConnection? hub;

    private EditingServer(QuorumServer server, QuorumClient facilitator, Guid panelId)
    {
        Server = server;
        this.facilitator = facilitator;
        PanelId = panelId;
    }

    public QuorumServer Server { get; }

    public Guid PanelId { get; }

    public static async Task<EditingServer> StartAsync()
    {
        var server = await QuorumServer.StartAsync();
        var facilitator = new QuorumClient(server.Address);
        await facilitator.SignInOrFailAsync(server.FirstFacilitatorLink ?? throw new InvalidOperationException($"No first facilitator link. Output:\n{server.Output}"));
        var panel = await facilitator.CreatePanelAsync("Co-editing panel");
        return new EditingServer(server, facilitator, Guid.Parse(panel["panelId"]!.GetValue<string>()));
    }

    /// <summary>Creates a single best answer item with this stem; returns its id.</summary>
    public async Task<Guid> CreateItemAsync(string stem)
    {
        var item = await (await HubAsync()).CallOkAsync("CreateItem", PanelId, ItemDrafts.Question(stem: stem));
        return Guid.Parse(item["summary"]!["itemId"]!.GetValue<string>());
    }

    public async Task<string> InviteAsync(string name) => (await facilitator.InviteAsync(PanelId, name, "Academic")).Link;

    /// <summary>The field as the server has it now (durable: the server answers once its edits are on disk).</summary>
    public async Task<(string Text, int Revision)> FieldAsync(Guid itemId, string field)
    {
        var view = await (await HubAsync()).CallOkAsync("OpenItem", itemId);
        var state = view["fields"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == field)!;
        return (state["text"]!.GetValue<string>(), state["revision"]!.GetValue<int>());
    }

    /// <summary>The facilitator's hub connection, connected again if the server went away since.</summary>
    private async Task<HubConnection> HubAsync()
    {
        if (hub is { State: HubConnectionState.Connected })
        {
            return hub;
        }

        hub = await facilitator.ConnectHubAsync();
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        await facilitator.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>One invited expert with an item's page open in a browser context of their own.</summary>
public sealed class Editor(string name, IPage page)
{
    /// <summary>Short: a page that does not do what it should fails the test within seconds.</summary>
    public const float TimeoutMs = 5_000;

    private readonly List<string> problems = [];
    private bool connectionMayDrop;

    public string Name { get; } = name;

    public IPage Page { get; } = page;

    /// <summary>Uncaught errors and console errors the page reported.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (problems)
            {
                return [.. problems];
            }
        }
    }

    public static async Task<Editor> OpenAsync(BrowserFixture browser, EditingServer server, string name, Guid itemId)
    {
        var link = await server.InviteAsync(name);
        var page = await browser.NewPersonAsync(TimeoutMs);
        var editor = new Editor(name, page);
        page.PageError += (_, error) => editor.Report($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !(editor.connectionMayDrop && IsConnectionError(message.Text)))
            {
                editor.Report($"console error: {message.Text}");
            }
        };

        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your panels", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(server.Server.Address, $"panels/{server.PanelId}/items/{itemId}").ToString());
        await Assertions.Expect(page.GetByLabel("Stem", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("connection-status")).ToContainTextAsync("Live");
        return editor;
    }

    /// <summary>From now on the browser's own reports of a lost connection are expected, not problems.</summary>
    public void ExpectConnectionLoss() => connectionMayDrop = true;

    /// <summary>The text area of a field, found by its label as a person finds it ("Option A" is "Option A (optional)").</summary>
    public ILocator Field(string label) => Page.GetByRole(AriaRole.Textbox, new() { Name = label });

    /// <summary>The field's save state, announced politely.</summary>
    public ILocator SaveState(string field) => Page.Locator($"[data-field='{field}'] [role='status']");

    /// <summary>Types as a person does, one key at a time; characters no key produces arrive as text input.</summary>
    public Task TypeAsync(string text) => Page.Keyboard.TypeAsync(text, new() { Delay = 15 });

    public async Task PressAsync(string key, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            await Page.Keyboard.PressAsync(key);
        }
    }

    /// <summary>Puts the caret at the start of line <paramref name="line"/> (from 0) of the field.</summary>
    public async Task CaretToLineStartAsync(string label, int line)
    {
        await Field(label).FocusAsync();
        await PressAsync("Control+Home");
        await PressAsync("ArrowDown", line);
        await PressAsync("Home");
    }

    /// <summary>Puts the caret at the end of line <paramref name="line"/> (from 0) of the field.</summary>
    public async Task CaretToLineEndAsync(string label, int line)
    {
        await CaretToLineStartAsync(label, line);
        await PressAsync("End");
    }

    /// <summary>Waits until the field's text on this page is exactly <paramref name="text"/>.</summary>
    public async Task WaitForTextAsync(string field, string text, string phase, float timeoutMs)
    {
        try
        {
            await Page.WaitForFunctionAsync(
                "([field, text]) => document.querySelector(`[data-field='${field}'] textarea`)?.value === text",
                new[] { field, text },
                new() { Timeout = timeoutMs });
        }
        catch (TimeoutException)
        {
            var seen = await Page.Locator($"[data-field='{field}'] textarea").InputValueAsync(new() { Timeout = 1_000 });
            var state = await SaveState(field).TextContentAsync(new() { Timeout = 1_000 });
            throw new Xunit.Sdk.XunitException(
                $"{phase}: {Name}'s {field} did not become the server's text within {timeoutMs} ms.\n" +
                $"expected: {Show(text)}\nseen:     {Show(seen)}\nsave state: {state}\nproblems: {string.Join("; ", Problems)}");
        }
    }

    /// <summary>Waits until <paramref name="predicate"/> (a JavaScript function of the text) holds for the field's text on this page.</summary>
    public async Task WaitForFunctionAsync(string field, string predicate, string phase, float timeoutMs = TimeoutMs)
    {
        try
        {
            await Page.WaitForFunctionAsync(
                $"([field]) => ({predicate})(document.querySelector(`[data-field='${{field}}'] textarea`)?.value ?? '')",
                new[] { field },
                new() { Timeout = timeoutMs });
        }
        catch (TimeoutException)
        {
            var seen = await Page.Locator($"[data-field='{field}'] textarea").InputValueAsync(new() { Timeout = 1_000 });
            throw new Xunit.Sdk.XunitException($"{phase}: {Name}'s {field} never satisfied {predicate} within {timeoutMs} ms; it is {Show(seen)}.\nproblems: {string.Join("; ", Problems)}");
        }
    }

    /// <summary>
    /// Waits until nothing this page typed in the field is unsaved (the state itself is in data-state at once;
    /// the words, announced politely, say "Saving…" only when a save takes a while).
    /// </summary>
    public async Task WaitSavedAsync(string field, string phase, float timeoutMs)
    {
        try
        {
            await Assertions.Expect(SaveState(field)).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = timeoutMs });
            await Assertions.Expect(SaveState(field)).ToHaveTextAsync("Saved");
        }
        catch (PlaywrightException e)
        {
            throw new Xunit.Sdk.XunitException($"{phase}: {Name}'s {field} was not saved within {timeoutMs} ms. {e.Message}\nproblems: {string.Join("; ", Problems)}");
        }
    }

    /// <summary>A string with its code points counted, so a mismatch of surrogates is visible in a message.</summary>
    public static string Show(string? text) =>
        text is null ? "(none)" : $"\"{text.ReplaceLineEndings("⏎")}\" ({text.EnumerateRunes().Count()} code points)";

    /// <summary>How many caret moves (grapheme clusters) a text is.</summary>
    public static int Graphemes(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>What Chromium and the SignalR client log when the server is gone.</summary>
    private static bool IsConnectionError(string text) =>
        text.Contains("net::ERR_CONNECTION", StringComparison.Ordinal) ||
        text.Contains("WebSocket", StringComparison.Ordinal) ||
        text.Contains("Failed to fetch", StringComparison.Ordinal) ||
        text.Contains("negotiat", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("Connection disconnected", StringComparison.Ordinal);

    private void Report(string problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }
}

/// <summary>Everyone editing one item, and the checks that they all end with the server's text.</summary>
public sealed class ItemEditors(EditingServer server, Guid itemId, List<Editor> editors) : IAsyncDisposable
{
    /// <summary>Long enough for a loaded two-core machine to pass ops round; short enough to fail fast.</summary>
    public const float ConvergeTimeoutMs = 15_000;

    public Guid ItemId { get; } = itemId;

    public IReadOnlyList<Editor> All => editors;

    public Editor this[int index] => All[index];

    public static async Task<ItemEditors> OpenAsync(BrowserFixture browser, EditingServer server, string stem, params string[] names)
    {
        var itemId = await server.CreateItemAsync(stem);
        var editors = new List<Editor>();
        foreach (var name in names)
        {
            editors.Add(await Editor.OpenAsync(browser, server, name, itemId));
        }

        return new ItemEditors(server, itemId, editors);
    }

    /// <summary>Someone else opens the item's page, whatever the others are doing at that moment.</summary>
    public async Task<Editor> JoinAsync(BrowserFixture browser, string name)
    {
        var editor = await Editor.OpenAsync(browser, server, name, ItemId);
        editors.Add(editor);
        return editor;
    }

    /// <summary>
    /// Once every page has saved what it typed, the server's text is final: every page must show exactly it.
    /// Returns that text.
    /// </summary>
    public async Task<string> ConvergeAsync(string field, string phase, float timeoutMs = ConvergeTimeoutMs)
    {
        foreach (var editor in All)
        {
            await editor.WaitSavedAsync(field, phase, timeoutMs);
        }

        var (text, _) = await server.FieldAsync(ItemId, field);
        foreach (var editor in All)
        {
            await editor.WaitForTextAsync(field, AsTextAreaShows(text), phase, timeoutMs);
        }

        foreach (var editor in All)
        {
            Assert.True(editor.Problems.Count == 0, $"{phase}: {editor.Name}'s page reported: {string.Join("; ", editor.Problems)}");
        }

        return text;
    }

    /// <summary>Closes everyone's browser context, so that no page goes on reconnecting after its test.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var editor in All)
        {
            await editor.Page.Context.CloseAsync();
        }
    }

    /// <summary>A text area holds no carriage returns: it shows "\r\n" and "\r" as "\n".</summary>
    public static string AsTextAreaShows(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}

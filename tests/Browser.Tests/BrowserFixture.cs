using Microsoft.Playwright;

namespace Quorum.Browser.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (never Playwright's own browser download). Fails loudly when
/// Chromium is missing: scripts/ensure-chromium.sh installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Short, so a broken page fails fast with the locator it waited for.</summary>
    public const float DefaultTimeoutMs = 10_000;

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/ensure-chromium.sh (scripts/test.sh does).");
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>A fresh browser context (its own cookies: one person) with a page and a short default timeout.</summary>
    public async Task<IPage> NewPersonAsync(float timeoutMs = DefaultTimeoutMs)
    {
        var context = await Browser.NewContextAsync();
        context.SetDefaultTimeout(timeoutMs);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(timeoutMs);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

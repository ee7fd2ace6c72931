using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace Quorum.Testing;

/// <summary>
/// One person's browser, without the page: a cookie jar for the REST API and, on demand, a hub
/// connection carrying the same cookie and the site's Origin. Payloads stay JSON, as on the wire.
/// </summary>
public sealed class QuorumClient : IAsyncDisposable
{
    private readonly CookieContainer cookies = new();
    private readonly List<HubConnection> hubs = [];

    public QuorumClient(Uri address)
    {
        Address = address;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true }) { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public CookieContainer Cookies => cookies;

    /// <summary>Signs in with a link of the form http://host/join#token; returns the response.</summary>
    public Task<HttpResponseMessage> SignInAsync(string link) =>
        Http.PostAsJsonAsync("api/session", new { token = new Uri(link).Fragment.TrimStart('#') });

    public async Task<JsonNode> SignInOrFailAsync(string link)
    {
        var response = await SignInAsync(link);
        return await ReadAsync(response, HttpStatusCode.OK, "sign in");
    }

    public async Task<JsonNode> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await ReadAsync(await Http.PostAsJsonAsync(path, body), expected, $"POST {path}");

    public async Task<JsonNode> GetAsync(string path) =>
        await ReadAsync(await Http.GetAsync(path), HttpStatusCode.OK, $"GET {path}");

    /// <summary>Creates a panel on the first seed framework and returns its view.</summary>
    public Task<JsonNode> CreatePanelAsync(string name = "Test panel", string frameworkId = "kss-cfp") =>
        PostAsync("api/panels", new { name, frameworkId });

    /// <summary>Invites a person; returns (personId, link).</summary>
    public async Task<(Guid PersonId, string Link)> InviteAsync(Guid panelId, string name, string group = "Academic", string role = "expert")
    {
        var issued = await PostAsync($"api/panels/{panelId}/invites", new { name, group, email = (string?)null, role });
        return (Guid.Parse(issued["member"]!["personId"]!.GetValue<string>()), issued["link"]!.GetValue<string>());
    }

    public async Task<HubConnection> ConnectHubAsync()
    {
        var origin = Address.GetLeftPart(UriPartial.Authority);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(Address, "hubs/panel"), options =>
            {
                options.Cookies = cookies;
                options.Headers["Origin"] = origin;
            })
            .Build();
        await hub.StartAsync();
        hubs.Add(hub);
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hub in hubs)
        {
            await hub.DisposeAsync();
        }

        Http.Dispose();
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"{what}: empty body");
    }
}

/// <summary>Calls on a hub that return Quorum's Outcome envelope.</summary>
public static class HubCalls
{
    /// <summary>Invokes and returns the whole Outcome ({ ok, value, error }).</summary>
    public static async Task<JsonNode> CallAsync(this HubConnection hub, string method, params object?[] args)
    {
        var element = await hub.InvokeCoreAsync<JsonElement>(method, args);
        return JsonNode.Parse(element.GetRawText()) ?? throw new InvalidOperationException($"{method} returned nothing");
    }

    /// <summary>Invokes and returns the value, failing with the server's message when the call was refused.</summary>
    public static async Task<JsonNode> CallOkAsync(this HubConnection hub, string method, params object?[] args)
    {
        var outcome = await hub.CallAsync(method, args);
        if (outcome["ok"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"{method} was refused: {outcome["error"]?.ToJsonString()}");
        }

        return outcome["value"] ?? throw new InvalidOperationException($"{method} returned no value");
    }
}

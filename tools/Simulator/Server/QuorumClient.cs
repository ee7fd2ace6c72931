using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Server;

/// <summary>
/// The REST side of one simulated browser: its own cookie jar, so each expert has their own session.
/// Refusals become <see cref="QuorumRefusedException"/>, since setup cannot go on without the answer.
/// </summary>
public sealed class QuorumClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;

    public QuorumClient(Uri server, ServerTransport transport)
    {
        Server = server;
        Origin = OriginOf(server);
        _http = new HttpClient(transport.CreateHttpHandler(Cookies), disposeHandler: true)
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(30),
        };

        // A browser sends Origin on every mutating fetch; the server may check it as a CSRF guard.
        _http.DefaultRequestHeaders.Add("Origin", Origin);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public Uri Server { get; }

    /// <summary><c>scheme://host[:port]</c> of the server: what a browser on the site sends as Origin.</summary>
    public string Origin { get; }

    /// <summary>The session cookie lands here; the hub connection of the same browser reuses it.</summary>
    public CookieContainer Cookies { get; } = new();

    public static string OriginOf(Uri server) => server.GetLeftPart(UriPartial.Authority);

    public Task<Me> SignInAsync(string token, CancellationToken cancellation) =>
        SendAsync<Me>(HttpMethod.Post, "api/session", new SessionRequest(token), cancellation);

    public Task<IReadOnlyList<Framework>> GetFrameworksAsync(CancellationToken cancellation) =>
        SendAsync<IReadOnlyList<Framework>>(HttpMethod.Get, "api/frameworks", null, cancellation);

    public Task<PanelView> CreatePanelAsync(string name, string frameworkId, CancellationToken cancellation) =>
        SendAsync<PanelView>(HttpMethod.Post, "api/panels", new CreatePanelRequest(name, frameworkId), cancellation);

    public Task<PanelView> GetPanelAsync(Guid panelId, CancellationToken cancellation) =>
        SendAsync<PanelView>(HttpMethod.Get, $"api/panels/{panelId}", null, cancellation);

    public Task<PanelView> AddGroupAsync(Guid panelId, string group, CancellationToken cancellation) =>
        SendAsync<PanelView>(HttpMethod.Post, $"api/panels/{panelId}/groups", new AddGroupRequest(group), cancellation);

    public Task<InviteIssued> InviteAsync(Guid panelId, InviteRequest invite, CancellationToken cancellation) =>
        SendAsync<InviteIssued>(HttpMethod.Post, $"api/panels/{panelId}/invites", invite, cancellation);

    public Task<BankView> ListItemsAsync(Guid panelId, CancellationToken cancellation) =>
        SendAsync<BankView>(HttpMethod.Get, $"api/panels/{panelId}/items", null, cancellation);

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            // Exactly "application/json", as the browser's fetch sends it: the server refuses other types.
            var content = JsonContent.Create(body, body.GetType(), options: QuorumJson.Options);
            content.Headers.ContentType = Json;
            request.Content = content;
        }

        var what = $"{method} /{path}";
        using var response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new QuorumRefusedException(what, response.StatusCode, await ReadProblemAsync(response, cancellation).ConfigureAwait(false));
        }

        var value = await response.Content.ReadFromJsonAsync<T>(QuorumJson.Options, cancellation).ConfigureAwait(false);
        return value ?? throw new InvalidDataException($"{what} answered {(int)response.StatusCode} with an empty body.");
    }

    private static async Task<Problem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(QuorumJson.Options, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not every refusal carries the documented body (a proxy, a crash page); the status still says enough.
            return null;
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.Http.Connections.Client;

namespace Quorum.Simulator.Server;

/// <summary>
/// How the simulator reaches the server. Over the network by default; an in-process test host can swap in
/// its own handler (and hub transport) while everything above stays the same.
/// </summary>
/// <param name="CreateHttpHandler">Makes the REST handler for one browser, which must keep cookies in the container given.</param>
/// <param name="ConfigureHub">Extra settings for one browser's hub connection, after cookies and Origin are set.</param>
public sealed record ServerTransport(
    Func<CookieContainer, HttpMessageHandler> CreateHttpHandler,
    Action<HttpConnectionOptions, CookieContainer>? ConfigureHub = null)
{
    /// <summary>Real sockets, one connection pool per simulated browser.</summary>
    public static ServerTransport Network { get; } = new(cookies => new SocketsHttpHandler
    {
        CookieContainer = cookies,
        UseCookies = true,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    });
}

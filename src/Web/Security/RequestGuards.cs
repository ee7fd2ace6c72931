using Microsoft.Extensions.Options;

namespace Quorum.Web.Security;

/// <summary>Site-wide guards: allowed origins for the hub handshake, JSON-only mutations, and response headers.</summary>
public sealed class RequestGuardOptions
{
    /// <summary>Extra origins allowed to open the hub (the site's own origin is always allowed).</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Sign-ins one address may make a minute. Links carry 256-bit tokens, so guessing is hopeless at any rate;
    /// the limit only caps the work one address can cause. A whole panel behind one office's address signs in
    /// at a kick-off meeting, so it must be well above a panel's size.
    /// </summary>
    public int SignInsPerMinute { get; set; } = 600;
}

public static class RequestGuards
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self'; " +
        "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseQuorumRequestGuards(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;

        if (request.Path.StartsWithSegments("/hubs") && !OriginAllowed(context))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "forbidden", "This origin may not connect to Quorum.");
            return;
        }

        // A cross-site form can only send simple content types; requiring JSON on every mutation of the API
        // means a forged form post never reaches an endpoint, on top of the SameSite=Strict cookie.
        var carriesBody = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);
        if (request.Path.StartsWithSegments("/api") && carriesBody &&
            request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await Refuse(context, StatusCodes.Status415UnsupportedMediaType, "invalid", "Send the request as JSON (Content-Type: application/json).");
            return;
        }

        await next(context);
    });

    private static bool OriginAllowed(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            // Browsers always send Origin on a WebSocket handshake and on cross-origin requests; a client
            // without one is not a browser page, and still needs the session cookie.
            return true;
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<RequestGuardOptions>>().Value;
        return options.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);
    }

    private static Task Refuse(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { code, message });
    }
}

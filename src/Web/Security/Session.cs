using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Quorum.Contracts.Experts;

namespace Quorum.Web.Security;

/// <summary>
/// Cookie sessions. The cookie names the person and the session stamp it was issued under; every request
/// re-checks the stamp with the person's grain, so revoking a link ends that person's sessions at once.
/// </summary>
public static class Session
{
    public const string CookieName = "quorum.session";
    public const string PersonClaim = "quorum:person";
    public const string StampClaim = "quorum:stamp";

    public static IServiceCollection AddQuorumSessions(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromDays(30);
                options.SlidingExpiration = true;
                options.Events = new CookieAuthenticationEvents
                {
                    // An API answers 401/403, never a redirect to a login page.
                    OnRedirectToLogin = context => Refuse(context.Response, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => Refuse(context.Response, StatusCodes.Status403Forbidden),
                    OnValidatePrincipal = ValidateStamp,
                };
            });
        services.AddAuthorization();
        return services;
    }

    public static ClaimsPrincipal Principal(ExpertProfile profile) => new(new ClaimsIdentity(
        [
            new Claim(PersonClaim, profile.PersonId.ToString()),
            new Claim(StampClaim, profile.SessionStamp),
            new Claim(ClaimTypes.Name, profile.Name),
        ],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The signed-in person's id, or null.</summary>
    public static Guid? PersonId(this ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(PersonClaim), out var id) ? id : null;

    private static async Task ValidateStamp(CookieValidatePrincipalContext context)
    {
        var personId = context.Principal.PersonId();
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        var profile = personId is { } id ? await grains.GetGrain<IExpertGrain>(id).GetProfile() : null;
        if (profile is null || profile.SessionStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task Refuse(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new
        {
            code = status == 401 ? "unauthenticated" : "forbidden",
            message = status == 401 ? "Sign in with your personal link first." : "You may not do this.",
        });
    }
}

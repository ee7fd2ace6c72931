using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Quorum.Contracts.Common;
using Quorum.Contracts.Experts;
using Quorum.Web.Security;

namespace Quorum.Web.Api;

/// <summary>Signing in with a personal link's token, signing out, and who am I.</summary>
public static class SessionEndpoints
{
    public const string SignInRateLimit = "sign-in";

    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var session = app.MapGroup("/api").WithTags("Session");

        session.MapPost("/session", async (SignInRequest? request, IGrainFactory grains, HttpContext http) =>
        {
            var hash = InviteTokens.HashIfWellFormed(request?.Token);
            var personId = hash is null ? null : await grains.GetGrain<IInviteGrain>(hash).Redeem();
            var profile = personId is { } id ? await grains.GetGrain<IExpertGrain>(id).GetProfile() : null;
            if (profile is null)
            {
                return ApiResults.Refuse(new Problem(ProblemCodes.Unauthenticated,
                    "This sign-in link is not valid: it may have been revoked, already used, or mistyped. Ask your facilitator for a new one."));
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Session.Principal(profile));
            await grains.GetGrain<IPlatformGrain>(0).SignedIn(profile.PersonId);
            return Results.Ok(Me.Of(profile));
        }).RequireRateLimiting(SignInRateLimit).AllowAnonymous();

        session.MapDelete("/session", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AllowAnonymous();

        session.MapGet("/me", async (HttpContext http, IGrainFactory grains) =>
        {
            var profile = http.User.PersonId() is { } id ? await grains.GetGrain<IExpertGrain>(id).GetProfile() : null;
            return profile is null ? Results.Unauthorized() : Results.Ok(Me.Of(profile));
        }).RequireAuthorization();
    }
}

public sealed record SignInRequest(string? Token);

public sealed record Me(Guid PersonId, string Name, bool CanCreatePanels, IReadOnlyList<Membership> Memberships)
{
    public static Me Of(ExpertProfile p) => new(p.PersonId, p.Name, p.CanCreatePanels, p.Memberships);
}

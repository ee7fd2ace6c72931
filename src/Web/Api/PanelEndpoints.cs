using Quorum.Contracts.Common;
using Quorum.Contracts.Panels;
using Quorum.Domain.Frameworks;
using Quorum.Domain.Items;
using Quorum.Web.Security;

namespace Quorum.Web.Api;

/// <summary>The REST API a facilitator may automate: panels, invitations, members, and the bank with statistics.</summary>
public static class PanelEndpoints
{
    public static void MapPanelEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Panels");

        api.MapGet("/frameworks", () => Results.Ok(SeedFrameworks.All));

        api.MapPost("/panels", async (CreatePanelRequest? request, IGrainFactory grains, HttpContext http) =>
        {
            if (request is null)
            {
                return ApiResults.Refuse(Problem.Invalid("name", "Send a panel name and a framework."));
            }

            var framework = request.Framework;
            if (framework is null && request.FrameworkId is { } id)
            {
                framework = SeedFrameworks.Find(id);
                if (framework is null)
                {
                    return ApiResults.Refuse(Problem.Invalid("frameworkId", $"There is no framework '{id}'."));
                }
            }

            if (framework is null)
            {
                return ApiResults.Refuse(Problem.Invalid("framework", "Choose a framework or load one from a file."));
            }

            var panelId = Guid.NewGuid();
            var outcome = await grains.GetGrain<IPanelGrain>(panelId).Create(Caller(http), request.Name ?? string.Empty, framework);
            return ApiResults.From(outcome, view => Results.Created($"/api/panels/{view.PanelId}", view));
        });

        api.MapGet("/panels/{panelId:guid}", async (Guid panelId, IGrainFactory grains, HttpContext http) =>
            ApiResults.From(await grains.GetGrain<IPanelGrain>(panelId).GetView(Caller(http))));

        api.MapPost("/panels/{panelId:guid}/groups", async (Guid panelId, AddGroupRequest? request, IGrainFactory grains, HttpContext http) =>
            ApiResults.From(await grains.GetGrain<IPanelGrain>(panelId).AddGroup(Caller(http), request?.Name ?? string.Empty)));

        api.MapPost("/panels/{panelId:guid}/invites", async (Guid panelId, InviteRequest? request, IGrainFactory grains, HttpContext http) =>
        {
            if (request is null)
            {
                return ApiResults.Refuse(Problem.Invalid("name", "Send the person's name, group and role."));
            }

            var outcome = await grains.GetGrain<IPanelGrain>(panelId).Invite(Caller(http), request);
            return ApiResults.From(outcome, issued => Results.Created(
                $"/api/panels/{panelId}/members/{issued.Member.PersonId}",
                new LinkIssued(issued.Member, SignInLink(http, issued.Token))));
        });

        api.MapPost("/panels/{panelId:guid}/members/{personId:guid}/link", async (Guid panelId, Guid personId, IGrainFactory grains, HttpContext http) =>
        {
            var outcome = await grains.GetGrain<IPanelGrain>(panelId).ReissueInvite(Caller(http), personId);
            return ApiResults.From(outcome, issued => Results.Ok(new LinkIssued(issued.Member, SignInLink(http, issued.Token))));
        });

        api.MapDelete("/panels/{panelId:guid}/members/{personId:guid}/link", async (Guid panelId, Guid personId, IGrainFactory grains, HttpContext http) =>
            ApiResults.From(await grains.GetGrain<IPanelGrain>(panelId).RevokeInvite(Caller(http), personId)));

        api.MapDelete("/panels/{panelId:guid}/members/{personId:guid}", async (Guid panelId, Guid personId, IGrainFactory grains, HttpContext http) =>
            ApiResults.From(await grains.GetGrain<IPanelGrain>(panelId).RemoveMember(Caller(http), personId)));

        api.MapGet("/panels/{panelId:guid}/items", async (Guid panelId, string? statement, ItemStatus? status, IGrainFactory grains, HttpContext http) =>
            ApiResults.From(await grains.GetGrain<IPanelGrain>(panelId).ListItems(Caller(http), statement, status)));
    }

    /// <summary>The token travels in the fragment so it never reaches server logs or Referer headers.</summary>
    private static string SignInLink(HttpContext http, string token) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/join#{token}";

    private static Guid Caller(HttpContext http) =>
        http.User.PersonId() ?? throw new InvalidOperationException("An authorised request has no person.");
}

public sealed record CreatePanelRequest(string? Name, string? FrameworkId, Framework? Framework);

public sealed record AddGroupRequest(string? Name);

public sealed record LinkIssued(MemberView Member, string Link);

using System.Net;
using Quorum.Testing;

namespace Quorum.Web.Tests;

/// <summary>Sign-ins from one address are capped per minute (configurable), and the cap refuses with 429 without ending sessions already made.</summary>
public sealed class SignInLimitTests
{
    [Fact]
    public async Task Sign_ins_past_the_limit_are_refused_with_429()
    {
        await using var server = await QuorumServer.StartAsync(settings: new Dictionary<string, string> { ["Quorum__Security__SignInsPerMinute"] = "3" });
        await using var facilitator = new QuorumClient(server.Address);
        await facilitator.SignInOrFailAsync(server.FirstFacilitatorLink!);
        var panelId = ServerFixture.IdOf(await facilitator.CreatePanelAsync("Limited"), "panelId");
        var links = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            links.Add((await facilitator.InviteAsync(panelId, $"Expert {i}")).Link);
        }

        await using var one = new QuorumClient(server.Address);
        await using var two = new QuorumClient(server.Address);
        await using var three = new QuorumClient(server.Address);
        var statuses = new[]
        {
            (await one.SignInAsync(links[0])).StatusCode,
            (await two.SignInAsync(links[1])).StatusCode,
            (await three.SignInAsync(links[2])).StatusCode,
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await one.Http.GetAsync("api/me")).StatusCode);
    }
}

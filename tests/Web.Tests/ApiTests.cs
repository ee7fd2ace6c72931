using System.Net;
using System.Net.Http.Json;
using System.Text;
using Quorum.Testing;

namespace Quorum.Web.Tests;

/// <summary>The REST API signs people in by link, authorises every endpoint, accepts only JSON mutations, and reports health.</summary>
public sealed class ApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Endpoints_need_a_session()
    {
        await using var anonymous = new QuorumClient(fixture.Server.Address);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync("api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync($"api/panels/{fixture.PanelId}/items")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.PostAsJsonAsync("api/panels", new { name = "X", frameworkId = "kss-cfp" })).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../etc/passwd")]
    public async Task Unknown_links_do_not_sign_in(string token)
    {
        await using var client = new QuorumClient(fixture.Server.Address);
        var response = await client.Http.PostAsJsonAsync("api/session", new { token });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not valid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_first_facilitator_link_works_once()
    {
        await using var replay = new QuorumClient(fixture.Server.Address);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.SignInAsync(fixture.Server.FirstFacilitatorLink!)).StatusCode);
    }

    [Fact]
    public async Task A_facilitator_invites_and_lists_the_bank_with_statistics()
    {
        var panel = await fixture.Facilitator.CreatePanelAsync("Bank panel");
        var panelId = ServerFixture.IdOf(panel, "panelId");
        var (_, link) = await fixture.Facilitator.InviteAsync(panelId, "Iris Invitee", "Frontline practitioner");
        Assert.StartsWith($"{fixture.Server.Address.GetLeftPart(UriPartial.Authority)}/join#", link);
        await using var expert = new QuorumClient(fixture.Server.Address);
        var me = await expert.SignInOrFailAsync(link);
        Assert.Equal("Iris Invitee", me["name"]!.GetValue<string>());
        Assert.Equal("expert", me["memberships"]![0]!["role"]!.GetValue<string>());
        var hub = await expert.ConnectHubAsync();
        await hub.CallOkAsync("CreateItem", panelId, ItemDrafts.Question("kss-cfp-2"));
        await hub.CallOkAsync("CreateItem", panelId, ItemDrafts.Question("kss-cfp-7"));

        var bank = await fixture.Facilitator.GetAsync($"api/panels/{panelId}/items?statement=kss-cfp-7");

        var only = Assert.Single(bank["items"]!.AsArray());
        Assert.Equal("kss-cfp-7", only!["statementId"]!.GetValue<string>());
        Assert.Equal("Iris Invitee", only["authorName"]!.GetValue<string>());
        Assert.Equal("draft", only["status"]!.GetValue<string>());
        Assert.Null(only["live"]);
        Assert.Equal(10, bank["statements"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.Http.PostAsJsonAsync($"api/panels/{panelId}/invites", new { name = "Sneaky", group = "Academic", role = "expert" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.Http.PostAsJsonAsync("api/panels", new { name = "Mine", frameworkId = "kss-cfp" })).StatusCode);
    }

    [Fact]
    public async Task A_facilitator_can_load_a_framework_from_json()
    {
        var framework = new
        {
            id = "custom-1",
            title = "Custom framework",
            statements = new[] { new { id = "c-1", number = 1, title = "First" }, new { id = "c-2", number = 2, title = "Second" } },
        };
        var panel = await fixture.Facilitator.PostAsync("api/panels", new { name = "Custom", framework });
        Assert.Equal("custom-1", panel["framework"]!["id"]!.GetValue<string>());

        var bad = await fixture.Facilitator.Http.PostAsJsonAsync("api/panels", new { name = "Bad", framework = new { id = "x", title = "T", statements = Array.Empty<object>() } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("framework.statements", await bad.Content.ReadAsStringAsync());
        var unknown = await fixture.Facilitator.Http.PostAsJsonAsync("api/panels", new { name = "Bad", frameworkId = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Mutations_must_be_json()
    {
        var form = new StringContent("name=Forged&frameworkId=kss-cfp", Encoding.UTF8, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await fixture.Facilitator.Http.PostAsync("api/panels", form)).StatusCode);
        var text = new StringContent("{}", Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await fixture.Facilitator.Http.PostAsync($"api/panels/{fixture.PanelId}/invites", text)).StatusCode);
    }

    [Fact]
    public async Task Over_long_names_are_refused()
    {
        var response = await fixture.Facilitator.Http.PostAsJsonAsync($"api/panels/{fixture.PanelId}/invites",
            new { name = new string('n', 121), group = "Academic", role = "expert" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 120", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_endpoints_answer_and_unknown_api_paths_are_404()
    {
        await using var anonymous = new QuorumClient(fixture.Server.Address);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Facilitator.Http.GetAsync("api/nothing-here")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Pages_are_served_with_a_content_security_policy()
    {
        await using var anonymous = new QuorumClient(fixture.Server.Address);
        var page = await anonymous.Http.GetAsync("panels/anything");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<div id=\"app\"", await page.Content.ReadAsStringAsync());
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
    }
}

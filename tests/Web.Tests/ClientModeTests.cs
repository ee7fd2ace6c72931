using System.Globalization;
using Quorum.Testing;

namespace Quorum.Web.Tests;

/// <summary>The web front end works unchanged as an Orleans client of the standalone silo (src/Silo).</summary>
public sealed class ClientModeTests
{
    [Fact]
    public async Task A_web_node_in_client_mode_serves_a_panel_from_the_standalone_silo()
    {
        await using var silo = await SiloProcess.StartAsync();
        await using var web = await QuorumServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["Quorum__Silo__Mode"] = "client",
            ["Quorum__Silo__GatewayPort"] = silo.GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Quorum__DataDirectory"] = silo.DataDirectory,
        });
        await using var facilitator = new QuorumClient(web.Address);
        await facilitator.SignInOrFailAsync(web.FirstFacilitatorLink ?? throw new InvalidOperationException($"No link printed:\n{web.Output}"));
        var panelId = ServerFixture.IdOf(await facilitator.CreatePanelAsync("Client mode"), "panelId");
        var (_, link) = await facilitator.InviteAsync(panelId, "Cleo Client");
        await using var expert = new QuorumClient(web.Address);
        await expert.SignInOrFailAsync(link);
        var hub = await expert.ConnectHubAsync();

        await hub.CallOkAsync("CreateItem", panelId, ItemDrafts.Question(stem: "Served by the standalone silo?"));

        var bank = await facilitator.GetAsync($"api/panels/{panelId}/items");
        Assert.Equal("Served by the standalone silo?", Assert.Single(bank["items"]!.AsArray())!["title"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await facilitator.Http.GetAsync("health/ready")).StatusCode);
    }
}

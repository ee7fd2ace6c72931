using System.Text.Json.Nodes;
using Quorum.Testing;

namespace Quorum.Web.Tests;

/// <summary>One real Quorum process for a test class, with its first facilitator signed in and a panel made.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private QuorumServer? server;
    private QuorumClient? facilitator;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<QuorumClient>> shared = new();

    public QuorumServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public QuorumClient Facilitator => facilitator ?? throw new InvalidOperationException("The facilitator has not signed in.");

    public Guid PanelId { get; private set; }

    public async Task InitializeAsync()
    {
        server = await QuorumServer.StartAsync();
        facilitator = new QuorumClient(Server.Address);
        await Facilitator.SignInOrFailAsync(Server.FirstFacilitatorLink
            ?? throw new InvalidOperationException($"No first facilitator link was printed:\n{Server.Output}"));
        PanelId = Guid.Parse((await Facilitator.CreatePanelAsync())["panelId"]!.GetValue<string>());
    }

    public async Task DisposeAsync()
    {
        foreach (var expert in shared.Values)
        {
            await (await expert).DisposeAsync();
        }

        await Facilitator.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>A new expert of the fixture's panel, signed in.</summary>
    public async Task<QuorumClient> ExpertAsync(string name, string group = "Academic", Guid? panelId = null)
    {
        var (_, link) = await Facilitator.InviteAsync(panelId ?? PanelId, name, group);
        var client = new QuorumClient(Server.Address);
        await client.SignInOrFailAsync(link);
        return client;
    }

    /// <summary>An expert of the fixture's panel signed in once for the whole class (sign-ins are rate limited); disposed with the fixture.</summary>
    public Task<QuorumClient> SharedExpertAsync(string name) => shared.GetOrAdd(name, n => ExpertAsync(n));

    public static Guid IdOf(JsonNode node, string property) => Guid.Parse(node[property]!.GetValue<string>());
}

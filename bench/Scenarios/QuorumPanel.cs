using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Quorum.Testing;

namespace Quorum.Bench.Scenarios;

/// <summary>
/// A real Quorum process (SQLite, optionally pinned) with its first facilitator signed in and one panel, and the
/// members the scenario invites: each signed in through their own link, on their own hub connection, in the panel.
/// </summary>
internal sealed class QuorumPanel : IAsyncDisposable
{
    private readonly List<QuorumClient> people = [];

    private QuorumPanel(QuorumServer server, QuorumClient facilitator, JsonNode view)
    {
        Server = server;
        Facilitator = facilitator;
        View = view;
        PanelId = Guid.Parse(view["panelId"]!.GetValue<string>());
    }

    public QuorumServer Server { get; }

    public QuorumClient Facilitator { get; }

    public Guid PanelId { get; }

    /// <summary>The panel as created (PanelView JSON).</summary>
    public JsonNode View { get; }

    public int ServerProcessId => Server.ProcessId ?? throw new InvalidOperationException("The Quorum server has exited.");

    public static async Task<QuorumPanel> StartAsync(string name, string? serverCpus, IDictionary<string, string>? settings = null)
    {
        var server = await QuorumServer.StartAsync(settings: settings, cpuList: serverCpus);
        var facilitator = new QuorumClient(server.Address);
        try
        {
            await facilitator.SignInOrFailAsync(server.FirstFacilitatorLink ?? throw new InvalidOperationException("The server printed no first-facilitator link."));
            return new QuorumPanel(server, facilitator, await facilitator.CreatePanelAsync(name));
        }
        catch
        {
            await facilitator.DisposeAsync();
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Invites one person, signs them in through their link and opens their hub connection in the panel.</summary>
    public async Task<PanelMember> JoinAsync(string name, string group)
    {
        var (personId, link) = await Facilitator.InviteAsync(PanelId, name, group);
        var person = new QuorumClient(Server.Address);
        lock (people)
        {
            people.Add(person);
        }

        await person.SignInOrFailAsync(link);
        var hub = await person.ConnectHubAsync();
        await hub.CallOkAsync("JoinPanel", PanelId);
        return new PanelMember(personId, person, hub);
    }

    /// <summary>Joins <paramref name="count"/> people, <paramref name="parallel"/> at a time; in index order.</summary>
    public async Task<IReadOnlyList<PanelMember>> JoinManyAsync(int count, Func<int, (string Name, string Group)> who, int parallel, string progress)
    {
        var joined = new PanelMember[count];
        var done = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
        {
            var (name, group) = who(i);
            joined[i] = await JoinAsync(name, group);
            if (Interlocked.Increment(ref done) % 250 == 0)
            {
                Console.Error.WriteLine($"{progress}: {done} of {count} joined");
            }
        });
        return joined;
    }

    public async ValueTask DisposeAsync()
    {
        // Closing a person's client closes their hub connections too.
        foreach (var person in people)
        {
            await person.DisposeAsync();
        }

        await Facilitator.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>A member the scenario signed in, and their hub connection.</summary>
internal sealed record PanelMember(Guid PersonId, QuorumClient Person, HubConnection Hub);

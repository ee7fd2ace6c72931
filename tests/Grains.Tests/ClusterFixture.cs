using Orleans.Serialization;
using Orleans.TestingHost;
using Quorum.Contracts.Experts;
using Quorum.Contracts.Panels;
using Quorum.Grains;
using Quorum.Storage;

namespace Quorum.Grains.Tests;

/// <summary>A test cluster of two silos with Quorum's grains on real SQLite storage in a temp folder.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private static readonly string DataDirectory = Directory.CreateTempSubdirectory("quorum-grains-").FullName;

    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 2)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .AddClientBuilderConfigurator<ClientConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>A person allowed to create panels, as bootstrap makes the first facilitator.</summary>
    public async Task<Guid> NewOrganiserAsync(string name = "Fiona Facilitator")
    {
        var id = Guid.NewGuid();
        await Grains.GetGrain<IExpertGrain>(id).SetProfile(name, null, canCreatePanels: true);
        return id;
    }

    /// <summary>A panel on the child and family KSS with its facilitator.</summary>
    public async Task<(Guid PanelId, Guid FacilitatorId)> NewPanelAsync()
    {
        var facilitator = await NewOrganiserAsync();
        var panelId = Guid.NewGuid();
        var created = await Grains.GetGrain<IPanelGrain>(panelId).Create(facilitator, "Panel", Domain.Frameworks.SeedFrameworks.Find("kss-cfp")!);
        Assert.True(created.Ok, created.Error?.Message);
        return (panelId, facilitator);
    }

    public async Task<Guid> InviteAsync(Guid panelId, Guid facilitator, string name, string group = "Academic", Contracts.Common.PanelRole role = Contracts.Common.PanelRole.Expert)
    {
        var issued = await Grains.GetGrain<IPanelGrain>(panelId).Invite(facilitator, new InviteRequest(name, group, null, role));
        Assert.True(issued.Ok, issued.Error?.Message);
        return issued.Value!.Member.PersonId;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddQuorumGrains().AddQuorumStorage(StorageSettings.Sqlite(DataDirectory));
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Services.AddSerializer(s => Contracts.Common.QuorumSerialization.AddQuorumDomainTypes(s));
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

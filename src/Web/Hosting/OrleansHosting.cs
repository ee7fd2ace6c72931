using System.Net;
using Orleans.Serialization;
using Quorum.Contracts.Common;
using Quorum.Grains;
using Quorum.Storage;

namespace Quorum.Web.Hosting;

/// <summary>
/// Where the grains run. By default this process co-hosts a silo (one process, SQLite); with
/// Quorum:Silo:Mode = client it connects to standalone silos (src/Silo) as an Orleans client.
/// Either way the rest of the web app sees only IGrainFactory / IClusterClient.
/// </summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddQuorumGrains(this WebApplicationBuilder builder, StorageSettings storage)
    {
        var silo = builder.Configuration.GetSection("Quorum:Silo");
        var siloPort = silo.GetValue("SiloPort", 11111);
        var gatewayPort = silo.GetValue("GatewayPort", 30000);
        var clusterId = silo.GetValue("ClusterId", "quorum") ?? "quorum";

        if (string.Equals(silo.GetValue<string>("Mode"), "client", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleansClient(client =>
            {
                client.UseLocalhostClustering(gatewayPort, serviceId: clusterId, clusterId: clusterId);
                client.Services.AddSerializer(s => s.AddQuorumDomainTypes());
            });
            builder.Services.AddQuorumDatabaseProbe(storage);
            return builder;
        }

        builder.UseOrleans(siloBuilder =>
        {
            siloBuilder.UseLocalhostClustering(siloPort, gatewayPort, primarySiloEndpoint: new IPEndPoint(IPAddress.Loopback, siloPort), serviceId: clusterId, clusterId: clusterId);
            siloBuilder.AddQuorumStorage(storage);
            siloBuilder.AddQuorumGrains();
        });
        return builder;
    }
}

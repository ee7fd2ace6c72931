using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Quorum.Grains;
using Quorum.Storage;

// The standalone silo: grains and storage without the web front end. Web nodes connect to it with
// Quorum:Silo:Mode = client. Clustering over PostgreSQL for several silos comes with the clustering issue;
// until then this is a single silo on localhost clustering.
var builder = Host.CreateApplicationBuilder(args);
var storage = StorageSettings.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
var silo = builder.Configuration.GetSection("Quorum:Silo");
var siloPort = silo.GetValue("SiloPort", 11111);
var gatewayPort = silo.GetValue("GatewayPort", 30000);
var clusterId = silo.GetValue("ClusterId", "quorum") ?? "quorum";

builder.UseOrleans(siloBuilder =>
{
    siloBuilder.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, siloPort), clusterId, clusterId);
    siloBuilder.AddQuorumStorage(storage);
    siloBuilder.AddQuorumGrains();
});

await builder.Build().RunAsync();

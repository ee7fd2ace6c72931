using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Quorum.Bench.Scenarios;

/// <summary>
/// The raw SignalR baseline: a hub that answers each call with its arguments, on its own Kestrel, in a child process
/// of the bench (`echo-server`), pinned like the Quorum server; the same JSON protocol over WebSockets, the same
/// message size limit. Its clients send what an expert's `Rate` sends (an item id and a rating).
/// </summary>
internal sealed class SignalREcho : IAsyncDisposable
{
    private readonly System.Diagnostics.Process server;
    private readonly HubConnection[] connections;
    private readonly Guid[] itemIds;
    private readonly int[] calls;

    private SignalREcho(System.Diagnostics.Process server, HubConnection[] connections)
    {
        this.server = server;
        this.connections = connections;
        itemIds = [.. connections.Select(_ => Guid.NewGuid())];
        calls = new int[connections.Length];
    }

    public int ServerProcessId => server.Id;

    /// <summary>Starts the echo server pinned to <paramref name="serverCpus"/> and opens <paramref name="count"/> connections to it.</summary>
    public static async Task<SignalREcho> StartAsync(int count, string serverCpus)
    {
        var bench = typeof(SignalREcho).Assembly.Location;
        // The same garbage collector as Quorum's web process (server GC, concurrent: ASP.NET Core's defaults).
        var process = ChildProcesses.Start(
            "taskset", AppContext.BaseDirectory, ["-c", serverCpus, "dotnet", bench, "echo-server"],
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "1", ["DOTNET_gcConcurrent"] = "1" });
        var connections = new HubConnection[count];
        try
        {
            var port = await ChildProcesses.ReadyPortAsync(process, "echo server");
            var url = new Uri($"http://127.0.0.1:{port}/echo");
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
            {
                connections[i] = new HubConnectionBuilder().WithUrl(url).Build();
                await connections[i].StartAsync(token);
            });
            return new SignalREcho(process, connections);
        }
        catch
        {
            foreach (var connection in connections.Where(c => c is not null))
            {
                await connection.DisposeAsync();
            }

            await ChildProcesses.StopAsync(process);
            throw;
        }
    }

    /// <summary>One round trip on one connection, carrying what a rating carries (a closed-loop or paced call).</summary>
    public async Task CallAsync(int connection, long sentAt)
    {
        var itemId = itemIds[connection];
        var rating = RatingPayloads.For(connection, Interlocked.Increment(ref calls[connection]));
        var answer = await connections[connection].InvokeAsync<EchoAnswer>("Echo", itemId, rating);
        if (answer.ItemId != itemId)
        {
            throw new InvalidOperationException($"The echo answered {answer.ItemId} to {itemId}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections.Where(c => c is not null))
        {
            await connection.DisposeAsync();
        }

        await ChildProcesses.StopAsync(server);
        server.Dispose();
    }

    /// <summary>The child process: hosts the echo hub on a free loopback port, prints "ready &lt;port&gt;", runs until killed.</summary>
    public static async Task<int> ServeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Stdout carries only the ready line; warnings and errors go to stderr.
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = Domain.Limits.HubMessageBytes);
        var app = builder.Build();
        app.MapHub<EchoHub>("/echo");
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        Console.WriteLine($"ready {port.ToString(CultureInfo.InvariantCulture)}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private sealed record EchoAnswer(Guid ItemId, JsonElement Rating);
}

/// <summary>Answers a call with its arguments.</summary>
public sealed class EchoHub : Hub
{
    public EchoMessage Echo(Guid itemId, JsonElement rating) => new(itemId, rating);
}

public sealed record EchoMessage(Guid ItemId, JsonElement Rating);

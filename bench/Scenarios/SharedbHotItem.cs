using System.Globalization;
using System.Text.Json;
using Quorum.Testing;

namespace Quorum.Bench.Scenarios;

/// <summary>
/// The peer side of `hot-item`: ShareDB 7 with ot-text-unicode on its in-memory backend (bench/peer), the same
/// workload from one Node.js load process. The peer's own load generator measures; see bench/peer/README.md.
/// </summary>
internal static class SharedbHotItem
{
    public static async Task<JsonElement> RunAsync(int clients, TimeSpan warmup, TimeSpan window, int seed, string serverCpus, string loadCpus)
    {
        var folder = Path.Combine(QuorumServer.RepositoryRoot(), "bench", "peer");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            Console.Error.WriteLine("hot-item sharedb: npm ci in bench/peer");
            await ChildProcesses.RunToEndAsync(ChildProcesses.Start("npm", folder, ["ci", "--no-audit", "--no-fund"]), "npm ci in bench/peer");
        }

        using var server = ChildProcesses.Start("taskset", folder, ["-c", serverCpus, "node", "server.js", "--port", "0"]);
        try
        {
            var port = await ChildProcesses.ReadyPortAsync(server, "ShareDB server");
            Console.Error.WriteLine($"hot-item sharedb: {clients} clients against port {port}");
            using var load = ChildProcesses.Start("taskset", folder, [
                "-c", loadCpus, "node", "load.js", "--url", $"ws://127.0.0.1:{port}", "--clients", Text(clients),
                "--warmup", Text((int)warmup.TotalSeconds), "--seconds", Text((int)window.TotalSeconds),
                "--server-pid", Text(server.Id), "--seed", Text(seed), "--start-length", "1000"]);
            var output = await ChildProcesses.RunToEndAsync(load, "node load.js");
            var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
            return JsonDocument.Parse(last).RootElement.Clone();
        }
        finally
        {
            await ChildProcesses.StopAsync(server);
        }
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}

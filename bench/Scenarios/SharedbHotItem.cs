using System.Diagnostics;
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
            await RunToEndAsync(Start("npm", folder, ["ci", "--no-audit", "--no-fund"]), "npm ci in bench/peer");
        }

        using var server = Start("taskset", folder, ["-c", serverCpus, "node", "server.js", "--port", "0"]);
        try
        {
            var ready = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))
                ?? throw new InvalidOperationException($"The ShareDB server exited before it was ready: {await server.StandardError.ReadToEndAsync()}");
            if (!ready.StartsWith("ready ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The ShareDB server printed '{ready}' instead of 'ready <port>'.");
            }

            var port = ready["ready ".Length..].Trim();
            Console.Error.WriteLine($"hot-item sharedb: {clients} clients against port {port}");
            using var load = Start("taskset", folder, [
                "-c", loadCpus, "node", "load.js", "--url", $"ws://127.0.0.1:{port}", "--clients", Text(clients),
                "--warmup", Text((int)warmup.TotalSeconds), "--seconds", Text((int)window.TotalSeconds),
                "--server-pid", Text(server.Id), "--seed", Text(seed), "--start-length", "1000"]);
            var output = await RunToEndAsync(load, "node load.js");
            var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
            return JsonDocument.Parse(last).RootElement.Clone();
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill();
                await server.WaitForExitAsync();
            }
        }
    }

    private static Process Start(string program, string folder, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
    }

    private static async Task<string> RunToEndAsync(Process process, string what)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed (exit {process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}

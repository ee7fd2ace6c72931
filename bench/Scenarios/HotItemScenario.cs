using System.Text.Json;

namespace Quorum.Bench.Scenarios;

/// <summary>
/// `hot-item`: N editors typing into one field at once, Quorum (SignalR WebSockets, durable on SQLite) and ShareDB
/// (in memory) on the same workload in the same run, alternating, each server pinned to CPU 0 and its load
/// process to CPU 1. The figures of each side are the median run's.
/// </summary>
internal static class HotItemScenario
{
    public static async Task<object> RunAsync(BenchOptions options)
    {
        var clients = options.Int("clients", 40);
        var warmup = TimeSpan.FromSeconds(3);
        var window = TimeSpan.FromSeconds(options.Int("seconds", options.Quick ? 8 : 10));
        var rounds = options.Int("rounds", options.Quick ? 1 : 3);
        var (serverCpus, loadCpus) = Environment.ProcessorCount > 1 ? ("0", "1") : ("0", "0");
        LoadFigures.PinSelf(loadCpus);

        var quorum = new List<HotItemFigures>();
        var sharedb = new List<JsonElement>();
        for (var round = 0; round < rounds; round++)
        {
            quorum.Add(await QuorumHotItem.RunAsync(clients, warmup, window, seed: round + 1, serverCpus));
            Console.Error.WriteLine($"hot-item quorum round {round + 1}: {JsonSerializer.Serialize(quorum[^1], BenchOptions.Json)}");
            sharedb.Add(await SharedbHotItem.RunAsync(clients, warmup, window, seed: round + 1, serverCpus, loadCpus));
            Console.Error.WriteLine($"hot-item sharedb round {round + 1}: {sharedb[^1]}");
        }

        var q = quorum.OrderBy(f => f.OpsPerSecond).ElementAt(quorum.Count / 2);
        var s = sharedb.OrderBy(f => f.GetProperty("opsPerSecond").GetDouble()).ElementAt(sharedb.Count / 2);
        double? Peer(string name) => s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        var peerOps = Peer("opsPerSecond") ?? 0;
        return new
        {
            scenario = "hot-item",
            clients,
            rounds,
            windowSeconds = window.TotalSeconds,
            opsPerSecond = Math.Round(q.OpsPerSecond, 1),
            p50AckMs = q.P50AckMs,
            p99AckMs = q.P99AckMs,
            p99FanoutMs = q.P99FanoutMs,
            serverCpuMsPerOp = q.ServerCpuMsPerOp,
            loadCpuMs = q.LoadCpuMs,
            converged = quorum.All(f => f.Converged),
            errors = quorum.Sum(f => f.Errors),
            sharedbOpsPerSecond = peerOps,
            sharedbP50AckMs = Peer("p50AckMs"),
            sharedbP99AckMs = Peer("p99AckMs"),
            sharedbP99FanoutMs = Peer("p99FanoutMs"),
            sharedbServerCpuMsPerOp = Peer("serverCpuMsPerOp"),
            sharedbLoadCpuMs = Peer("loadCpuMs"),
            sharedbConverged = sharedb.All(f => f.GetProperty("converged").GetBoolean()),
            throughputRatio = peerOps > 0 ? Math.Round(q.OpsPerSecond / peerOps, 2) : (double?)null,
            quorumRounds = quorum,
            sharedbRounds = sharedb,
            cores = Environment.ProcessorCount,
            measuredAt = DateTimeOffset.UtcNow,
        };
    }
}

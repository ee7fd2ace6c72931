using System.Text.Json;

namespace Quorum.Bench.Scenarios;

/// <summary>
/// `ratings`: experts rating the items of an open round over SignalR while a facilitator's dashboard receives every
/// rating's live view, against a raw SignalR echo with as many connections, in the same run. Each server is pinned to
/// CPU 0 and this load process to CPU 1. Two shapes of load for both: closed loop (the most each sustains) and paced
/// at a fixed rate (latency at that load). With a bank larger than the round, a 700-item bank is measured first in the
/// same run, so the latencies can be compared (cost per rating independent of the bank's size).
/// </summary>
internal static class RatingsScenario
{
    private const int DefaultRoundItems = 700;

    /// <summary>The paced load, as a share of the closed-loop ratings/s measured on the first bank (unless --rate).</summary>
    private const double PacedShare = 0.5;

    public static async Task<object> RunAsync(BenchOptions options)
    {
        var quick = options.Quick;
        var experts = options.Int("experts", quick ? 200 : 1_000);
        var bankSize = options.Int("bank", DefaultRoundItems);
        var roundSize = Math.Min(options.Int("round", DefaultRoundItems), bankSize);
        var rounds = options.Int("rounds", quick ? 1 : 3);
        var warmup = TimeSpan.FromSeconds(quick ? 2 : 3);
        var window = TimeSpan.FromSeconds(options.Int("seconds", quick ? 5 : 10));
        var settle = TimeSpan.FromSeconds(quick ? 2 : 10);
        double? pacedRate = options.Text("rate") is null ? null : options.Int("rate", 1);
        var (serverCpus, loadCpus) = Environment.ProcessorCount > 1 ? ("0", "1") : ("0", "0");
        LoadFigures.PinSelf(loadCpus);

        Console.Error.WriteLine($"ratings: echo baseline, {experts} connections");
        await using var echo = await SignalREcho.StartAsync(experts, serverCpus);
        var echoClosed = new List<LoadRun>();
        var echoPaced = new List<LoadRun>();
        var banks = new List<BankRun>();
        foreach (var size in bankSize > roundSize ? [roundSize, bankSize] : new[] { bankSize })
        {
            Console.Error.WriteLine($"ratings: Quorum with a bank of {size} items, a round of {roundSize}, {experts} experts");
            await using var quorum = await QuorumRatings.StartAsync(size, roundSize, experts, serverCpus);
            Console.Error.WriteLine($"ratings: set up in {quorum.Setup.TotalSeconds:0.0} s: {JsonSerializer.Serialize(quorum.Setup, BenchOptions.Json)}");
            var withEcho = banks.Count == 0; // the echo is measured beside the first bank only
            // One unmeasured run first: the first seconds of load on a fresh process run unoptimised code (tiered JIT).
            await LoadShapes.ClosedLoopAsync(experts, quorum.RateAsync, TimeSpan.Zero, settle, quorum.ServerProcessId);
            if (withEcho)
            {
                await LoadShapes.ClosedLoopAsync(experts, echo.CallAsync, TimeSpan.Zero, settle, echo.ServerProcessId);
            }

            var closed = new List<RatingsRun>();
            for (var round = 0; round < rounds; round++)
            {
                closed.Add(await RateAsync(quorum, () => LoadShapes.ClosedLoopAsync(experts, quorum.RateAsync, warmup, window, quorum.ServerProcessId)));
                if (withEcho)
                {
                    echoClosed.Add(await EchoAsync(() => LoadShapes.ClosedLoopAsync(experts, echo.CallAsync, warmup, window, echo.ServerProcessId)));
                }
            }

            pacedRate ??= Math.Round(PacedShare * Median(closed.Select(r => (double?)r.Load.PerSecond))!.Value);
            var paced = new List<RatingsRun>();
            for (var round = 0; round < rounds; round++)
            {
                var rate = pacedRate.Value;
                paced.Add(await RateAsync(quorum, () => LoadShapes.PacedAsync(experts, quorum.RateAsync, rate, warmup, window, quorum.ServerProcessId)));
                if (withEcho)
                {
                    echoPaced.Add(await EchoAsync(() => LoadShapes.PacedAsync(experts, echo.CallAsync, rate, warmup, window, echo.ServerProcessId)));
                }
            }

            banks.Add(new BankRun(quorum.Setup, closed, paced));
        }

        var main = banks[^1];
        var reference = banks.Count > 1 ? banks[0] : null;
        var ratingsPerSecond = Median(main.Closed.Select(r => (double?)r.Load.PerSecond));
        var echoPerSecond = Median(echoClosed.Select(r => (double?)r.PerSecond));
        var p99DashboardMs = Median(main.Paced.Select(r => r.Dashboard.P99Ms));
        double? Ratio(double? a, double? b) => a is { } x && b is > 0 ? Math.Round(x / b.Value, 2) : null;
        var ackRatio = reference is null ? null : Ratio(main.PacedAckP99, reference.PacedAckP99);
        var dashboardRatio = reference is null ? null : Ratio(p99DashboardMs, Median(reference.Paced.Select(r => r.Dashboard.P99Ms)));
        return new
        {
            scenario = "ratings",
            quick,
            experts,
            connections = experts,
            bankSize,
            roundItems = roundSize,
            rounds,
            windowSeconds = window.TotalSeconds,
            ratingsPerSecond,
            echoPerSecond,
            throughputRatio = Ratio(ratingsPerSecond, echoPerSecond),
            pacedPerSecond = pacedRate,
            pacedShareOfMaximum = options.Text("rate") is null ? PacedShare : (double?)null,
            p50RatingAckMs = Median(main.Paced.Select(r => r.Load.P50Ms)),
            p99RatingAckMs = main.PacedAckP99,
            p50DashboardMs = Median(main.Paced.Select(r => r.Dashboard.P50Ms)),
            p99DashboardMs,
            echoP50Ms = Median(echoPaced.Select(r => r.P50Ms)),
            echoP99Ms = Median(echoPaced.Select(r => r.P99Ms)),
            closedLoop = new
            {
                p50RatingAckMs = Median(main.Closed.Select(r => r.Load.P50Ms)),
                p99RatingAckMs = Median(main.Closed.Select(r => r.Load.P99Ms)),
                p99DashboardMs = Median(main.Closed.Select(r => r.Dashboard.P99Ms)),
                echoP50Ms = Median(echoClosed.Select(r => r.P50Ms)),
                echoP99Ms = Median(echoClosed.Select(r => r.P99Ms)),
            },
            serverCpuMsPerRating = Median(main.Closed.Select(r => r.Load.ServerCpuMsPerCall)),
            serverCpuMsPerEcho = Median(echoClosed.Select(r => r.ServerCpuMsPerCall)),
            errors = banks.Sum(b => b.Closed.Concat(b.Paced).Sum(r => r.Load.Errors)) + echoClosed.Concat(echoPaced).Sum(r => r.Errors),
            dashboardMissing = banks.Sum(b => b.Closed.Concat(b.Paced).Sum(r => r.Dashboard.Missing)),
            otherCpuPercentMax = banks.SelectMany(b => b.Closed.Concat(b.Paced)).Select(r => r.Load).Concat(echoClosed).Concat(echoPaced).Max(r => r.OtherCpuPercent),
            setupSeconds = main.Setup.TotalSeconds,
            reference = reference is null ? null : new
            {
                bankSize = reference.Setup.BankSize,
                ratingsPerSecond = Median(reference.Closed.Select(r => (double?)r.Load.PerSecond)),
                p50RatingAckMs = Median(reference.Paced.Select(r => r.Load.P50Ms)),
                p99RatingAckMs = reference.PacedAckP99,
                p99DashboardMs = Median(reference.Paced.Select(r => r.Dashboard.P99Ms)),
                serverCpuMsPerRating = Median(reference.Closed.Select(r => r.Load.ServerCpuMsPerCall)),
            },
            ackP99Ratio = ackRatio,
            dashboardP99Ratio = dashboardRatio,
            targets = new
            {
                ratingsAtLeastHalfEcho = ratingsPerSecond >= 0.5 * echoPerSecond,
                dashboardP99AtMost100Ms = p99DashboardMs <= 100,
                bankLatencyAtMost1_2x = reference is null ? (bool?)null : ackRatio <= 1.2 && dashboardRatio <= 1.2,
            },
            banks,
            echoClosed,
            echoPaced,
            cores = Environment.ProcessorCount,
            measuredAt = DateTimeOffset.UtcNow,
        };
    }

    private static async Task<RatingsRun> RateAsync(QuorumRatings quorum, Func<Task<LoadRun>> run)
    {
        quorum.Reset();
        var load = await run();
        var shown = await quorum.DashboardAsync(load);
        var figures = new RatingsRun(load, shown);
        Console.Error.WriteLine($"ratings quorum {load.Shape}: {JsonSerializer.Serialize(figures, BenchOptions.Json)}");
        return figures;
    }

    private static async Task<LoadRun> EchoAsync(Func<Task<LoadRun>> run)
    {
        var load = await run();
        Console.Error.WriteLine($"ratings echo {load.Shape}: {JsonSerializer.Serialize(load, BenchOptions.Json)}");
        return load;
    }

    /// <summary>The median of the values present (the middle run of an odd count); null when none are.</summary>
    private static double? Median(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().Order().ToList();
        return present.Count == 0 ? null : present[present.Count / 2];
    }

    /// <summary>One load run on Quorum and what the facilitator's dashboard saw of it.</summary>
    private sealed record RatingsRun(LoadRun Load, DashboardFigures Dashboard);

    /// <summary>One bank size: how it was set up, and its runs.</summary>
    private sealed record BankRun(RatingsSetup Setup, List<RatingsRun> Closed, List<RatingsRun> Paced)
    {
        public double? PacedAckP99 => Median(Paced.Select(r => r.Load.P99Ms));
    }
}

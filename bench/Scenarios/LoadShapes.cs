using System.Diagnostics;
using System.Text.Json.Serialization;

namespace Quorum.Bench.Scenarios;

/// <summary>One request on one connection; completes when answered, throws when refused. <paramref name="sentAt"/> is its Stopwatch timestamp.</summary>
internal delegate Task LoadCall(int connection, long sentAt);

/// <summary>
/// The two shapes of load the ratings scenario drives, identical for Quorum and the echo baseline.
/// Closed loop: every connection keeps one call in flight, sending the next when the answer comes: the most the
/// server sustains (latency is then in-flight calls over throughput, so it says little). Paced: calls start on a
/// fixed schedule, spread round-robin over the connections, whether or not earlier ones have been answered: the
/// latency at a given load.
/// </summary>
internal static class LoadShapes
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    public static async Task<LoadRun> ClosedLoopAsync(int connections, LoadCall call, TimeSpan warmup, TimeSpan length, int serverPid)
    {
        var window = new MeasuringWindow();
        var samples = new Samples(window);
        var loops = Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            while (!window.Stopped)
            {
                await samples.TimeAsync(call, c, due: null);
            }
        })).ToList();
        var cpu = await window.MeasureAsync(warmup, length, serverPid);
        window.Stop();
        await Task.WhenAll(loops).WaitAsync(Drain);
        return samples.Figures("closed loop", connections, offered: null, cpu);
    }

    public static async Task<LoadRun> PacedAsync(int connections, LoadCall call, double perSecond, TimeSpan warmup, TimeSpan length, int serverPid)
    {
        var window = new MeasuringWindow();
        var samples = new Samples(window);
        var pacer = Task.Run(async () =>
        {
            var started = new List<Task>();
            var interval = Stopwatch.Frequency / perSecond;
            var origin = Stopwatch.GetTimestamp();
            long next = 0;
            while (!window.Stopped)
            {
                var now = Stopwatch.GetTimestamp();
                for (var due = origin + (long)(next * interval); due <= now; due = origin + (long)(next * interval))
                {
                    started.Add(samples.TimeAsync(call, (int)(next % connections), due));
                    next++;
                }

                await Task.Delay(1);
            }

            return started;
        });
        var cpu = await window.MeasureAsync(warmup, length, serverPid);
        window.Stop();
        await Task.WhenAll(await pacer).WaitAsync(Drain);
        return samples.Figures("paced", connections, perSecond, cpu);
    }

    /// <summary>What the calls of one run did: answers and latencies inside the window, errors, and how late the pacer sent.</summary>
    private sealed class Samples(MeasuringWindow window)
    {
        private readonly Lock gate = new();
        private readonly List<double> latencyMs = [];
        private readonly List<double> lagMs = [];
        private int answered;
        private int errors;

        public async Task TimeAsync(LoadCall call, int connection, long? due)
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                await call(connection, sent);
            }
            catch (Exception e)
            {
                if (Interlocked.Increment(ref errors) <= 5)
                {
                    Console.Error.WriteLine($"load: connection {connection}: {e.GetType().Name}: {e.Message}");
                }

                await Task.Delay(10); // a refusing server is not hammered in a tight loop
                return;
            }

            var done = Stopwatch.GetTimestamp();
            lock (gate)
            {
                if (window.InWindow(done))
                {
                    answered++;
                }

                if (window.InWindow(sent))
                {
                    latencyMs.Add(Stopwatch.GetElapsedTime(sent, done).TotalMilliseconds);
                    if (due is { } scheduled)
                    {
                        lagMs.Add(Stopwatch.GetElapsedTime(scheduled, sent).TotalMilliseconds);
                    }
                }
            }
        }

        public LoadRun Figures(string shape, int connections, double? offered, WindowCpu cpu)
        {
            lock (gate)
            {
                var seconds = window.Seconds;
                return new LoadRun(
                    shape, connections, offered, Math.Round(seconds, 3), answered, Math.Round(answered / seconds, 1),
                    LoadFigures.Percentile(latencyMs, 50), LoadFigures.Percentile(latencyMs, 99), LoadFigures.Percentile(latencyMs, 100),
                    answered == 0 ? null : Math.Round(cpu.ServerMs / answered, 4),
                    Math.Round(cpu.ServerMs / (seconds * 10), 1), Math.Round(cpu.LoadMs / (seconds * 10), 1), Math.Round(cpu.OtherMs / (seconds * 10), 1),
                    errors, LoadFigures.Percentile(lagMs, 99))
                {
                    Window = window,
                };
            }
        }
    }
}

/// <summary>
/// One load run, inside its window: answers, their rate, latency from send to answer, the server's CPU per answer,
/// the CPU use (percent of one core) of the server, of the load process and of anything else on the machine (other
/// work sharing the cores makes a run's figures worse than the code's), and for paced runs how late calls left (p99).
/// </summary>
internal sealed record LoadRun(
    string Shape,
    int Connections,
    double? OfferedPerSecond,
    double Seconds,
    int Answered,
    double PerSecond,
    double? P50Ms,
    double? P99Ms,
    double? MaxMs,
    double? ServerCpuMsPerCall,
    double ServerCpuPercent,
    double LoadCpuPercent,
    double OtherCpuPercent,
    int Errors,
    double? SendLagP99Ms)
{
    [JsonIgnore]
    public MeasuringWindow Window { get; init; } = new();
}

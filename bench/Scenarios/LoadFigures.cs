using System.Globalization;

namespace Quorum.Bench.Scenarios;

/// <summary>Latency samples and CPU readings shared by the load scenarios.</summary>
internal static class LoadFigures
{
    /// <summary>Nearest-rank percentile of milliseconds; null without samples.</summary>
    public static double? Percentile(List<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return null;
        }

        samples.Sort();
        var rank = (int)Math.Ceiling(p / 100.0 * samples.Count);
        return Math.Round(samples[Math.Clamp(rank, 1, samples.Count) - 1], 3);
    }

    /// <summary>User plus system CPU time of a process, from /proc (Linux), in milliseconds.</summary>
    public static double ProcessCpuMs(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name may hold spaces; fields after its closing parenthesis are fixed: utime is the 14th field.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / ClockTicksPerSecond;
    }

    /// <summary>
    /// CPU time the whole machine spent busy (user, nice, system, interrupts, steal), from /proc/stat, in milliseconds:
    /// beside the server's and the load process's, it shows what other work shared the cores during a window.
    /// </summary>
    public static double MachineBusyMs()
    {
        var fields = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        var ticks = Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
        return ticks * 1000.0 / ClockTicksPerSecond;
    }

    /// <summary>Resident memory of a process, from /proc (Linux), in megabytes.</summary>
    public static double ProcessRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return Math.Round(kilobytes / 1024.0, 1);
    }

    /// <summary>USER_HZ; 100 on every Linux this runs on (getconf CLK_TCK).</summary>
    private const int ClockTicksPerSecond = 100;

    /// <summary>Pins every thread of this process to the given CPUs (taskset's list form).</summary>
    public static void PinSelf(string cpuList)
    {
        var info = new System.Diagnostics.ProcessStartInfo("taskset") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-a", "-p", "-c", cpuList, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        using var taskset = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("Could not start taskset.");
        taskset.StandardOutput.ReadToEnd();
        taskset.WaitForExit();
        if (taskset.ExitCode != 0)
        {
            throw new InvalidOperationException($"taskset could not pin this process to CPUs {cpuList} (exit {taskset.ExitCode}).");
        }
    }
}

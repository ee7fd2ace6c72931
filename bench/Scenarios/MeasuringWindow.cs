using System.Diagnostics;

namespace Quorum.Bench.Scenarios;

/// <summary>The measuring window of a load run, on one clock every client reads (Stopwatch timestamps).</summary>
internal sealed class MeasuringWindow
{
    private long opened = long.MaxValue;
    private long closed = long.MaxValue;

    public bool Stopped { get; private set; }

    public double Seconds => Stopwatch.GetElapsedTime(opened, closed).TotalSeconds;

    public void Open() => Interlocked.Exchange(ref opened, Stopwatch.GetTimestamp());

    public void Close() => Interlocked.Exchange(ref closed, Stopwatch.GetTimestamp());

    /// <summary>The clients stop sending (after the window has closed).</summary>
    public void Stop() => Stopped = true;

    public bool InWindow(long timestamp) => timestamp >= Interlocked.Read(ref opened) && timestamp < Interlocked.Read(ref closed);

    /// <summary>
    /// While the load runs: waits out the warm-up, opens the window, keeps it open for <paramref name="length"/> and
    /// closes it; returns the CPU time the server process and this (load) process spent inside it.
    /// </summary>
    public async Task<WindowCpu> MeasureAsync(TimeSpan warmup, TimeSpan length, int serverPid)
    {
        await Task.Delay(warmup);
        var server0 = LoadFigures.ProcessCpuMs(serverPid);
        var load0 = Process.GetCurrentProcess().TotalProcessorTime;
        var machine0 = LoadFigures.MachineBusyMs();
        Open();
        await Task.Delay(length);
        Close();
        var server = LoadFigures.ProcessCpuMs(serverPid) - server0;
        var load = (Process.GetCurrentProcess().TotalProcessorTime - load0).TotalMilliseconds;
        var other = LoadFigures.MachineBusyMs() - machine0 - server - load;
        return new WindowCpu(server, load, Math.Max(0, other));
    }
}

/// <summary>CPU milliseconds spent during a measuring window by the server, by the load process, and by anything else on the machine.</summary>
internal readonly record struct WindowCpu(double ServerMs, double LoadMs, double OtherMs);

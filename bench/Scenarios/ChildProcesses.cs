using System.Diagnostics;

namespace Quorum.Bench.Scenarios;

/// <summary>Peer servers and load processes the scenarios start: pinned with taskset, waited for, read to the end.</summary>
internal static class ChildProcesses
{
    public static Process Start(string program, string folder, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
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

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
    }

    /// <summary>Waits for a server's first stdout line, "ready &lt;port&gt;", and returns the port.</summary>
    public static async Task<string> ReadyPortAsync(Process server, string what)
    {
        var ready = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))
            ?? throw new InvalidOperationException($"The {what} exited before it was ready: {await server.StandardError.ReadToEndAsync()}");
        if (!ready.StartsWith("ready ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The {what} printed '{ready}' instead of 'ready <port>'.");
        }

        return ready["ready ".Length..].Trim();
    }

    public static async Task<string> RunToEndAsync(Process process, string what)
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

    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }
}

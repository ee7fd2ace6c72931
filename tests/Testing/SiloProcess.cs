using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Quorum.Testing;

/// <summary>The standalone silo (src/Silo) as a process, for web nodes running as Orleans clients.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private SiloProcess(Process process, int gatewayPort, string dataDirectory)
    {
        this.process = process;
        GatewayPort = gatewayPort;
        DataDirectory = dataDirectory;
    }

    public int GatewayPort { get; }

    public string DataDirectory { get; }

    public static async Task<SiloProcess> StartAsync()
    {
        var root = QuorumServer.RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var folder = Path.Combine(root, "src", "Silo", "bin", configuration, "net10.0");
        var dll = Path.Combine(folder, "Quorum.Silo.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build src/Silo ({configuration}) first: {dll} is missing.", dll);
        }

        var data = Directory.CreateTempSubdirectory("quorum-silo-").FullName;
        var gatewayPort = QuorumServer.FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        info.ArgumentList.Add(dll);
        info.Environment["Quorum__DataDirectory"] = data;
        info.Environment["Quorum__Silo__SiloPort"] = QuorumServer.FreePort().ToString(CultureInfo.InvariantCulture);
        info.Environment["Quorum__Silo__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var silo = new SiloProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start the silo."), gatewayPort, data);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Observe(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (silo.output)
            {
                silo.output.AppendLine(line);
            }

            if (line.Contains("Application started", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        }

        silo.process.OutputDataReceived += (_, e) => Observe(e.Data);
        silo.process.ErrorDataReceived += (_, e) => Observe(e.Data);
        silo.process.BeginOutputReadLine();
        silo.process.BeginErrorReadLine();
        if (await Task.WhenAny(started.Task, silo.process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60))) != started.Task)
        {
            string log;
            lock (silo.output)
            {
                log = silo.output.ToString();
            }

            throw new InvalidOperationException($"The silo did not start within 60 s. Output:\n{log}");
        }

        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

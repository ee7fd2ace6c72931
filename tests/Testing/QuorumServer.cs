using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Quorum.Testing;

/// <summary>
/// The real Quorum web process (co-hosted silo, real Kestrel) started on free ports with its own data
/// folder, as a person would start it. Reads the address and the first facilitator's link from its console.
/// </summary>
public sealed partial class QuorumServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder output = new();
    private readonly Dictionary<string, string> environment;
    private readonly List<string> homes = [];
    private Process? process;
    private TaskCompletionSource<string> addressSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<string?> linkSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private QuorumServer(string dataDirectory, Dictionary<string, string> environment)
    {
        DataDirectory = dataDirectory;
        this.environment = environment;
    }

    public string DataDirectory { get; }

    /// <summary>The web process's id while it runs (its CPU time is read from /proc by benchmarks).</summary>
    public int? ProcessId => process is { HasExited: false } ? process.Id : null;

    /// <summary>CPUs to pin the process to (taskset's list form, e.g. "0"), or null to let it run anywhere.</summary>
    public string? CpuList { get; init; }

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The first facilitator's one-time sign-in link printed at this start, if any.</summary>
    public string? FirstFacilitatorLink { get; private set; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts a server on a fresh SQLite data folder (or the given PostgreSQL connection string).</summary>
    public static async Task<QuorumServer> StartAsync(string? postgresConnectionString = null, IDictionary<string, string>? settings = null, string? cpuList = null)
    {
        var data = Directory.CreateTempSubdirectory("quorum-test-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["Quorum__DataDirectory"] = data,
            ["Quorum__Silo__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Quorum__Silo__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (postgresConnectionString is not null)
        {
            environment["Quorum__PostgresConnectionString"] = postgresConnectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var server = new QuorumServer(data, environment) { CpuList = cpuList };
        await server.StartProcessAsync(FreePort());
        return server;
    }

    /// <summary>Stops the process (gracefully, or with kill -9) and starts it again on the same data and port.</summary>
    public async Task RestartAsync(bool kill = false)
    {
        await StopAsync(kill);
        await StartAgainAsync();
    }

    /// <summary>Starts the process again after <see cref="StopAsync"/>, on the same data and port.</summary>
    public Task StartAgainAsync() => StartProcessAsync(Address.Port);

    public async Task StopAsync(bool kill = false)
    {
        if (process is null || process.HasExited)
        {
            return;
        }

        if (kill)
        {
            process.Kill(entireProcessTree: true);
        }
        else
        {
            // SIGTERM lets the host shut down in order.
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        foreach (var folder in homes.Append(DataDirectory))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private async Task StartProcessAsync(int port)
    {
        addressSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        linkSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var (dll, contentRoot) = Locate();
        // taskset execs the program, so the process id stays the server's.
        var info = new ProcessStartInfo(CpuList is null ? "dotnet" : "taskset")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = contentRoot,
        };
        if (CpuList is not null)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(CpuList);
            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.ArgumentList.Add("--contentRoot");
        info.ArgumentList.Add(contentRoot);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        // A fresh home for every start, as in a container: nothing the server needs may live there.
        var home = Directory.CreateTempSubdirectory("quorum-home-").FullName;
        homes.Add(home);
        info.Environment["HOME"] = home;

        process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the Quorum web process.");
        process.OutputDataReceived += (_, e) => Observe(e.Data);
        process.ErrorDataReceived += (_, e) => Observe(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(addressSeen.Task, exited, Task.Delay(StartTimeout));
        if (first != addressSeen.Task)
        {
            throw new InvalidOperationException(
                $"Quorum did not report its address within {StartTimeout.TotalSeconds} s (exited: {process.HasExited}). Output:\n{Output}");
        }

        Address = new Uri(await addressSeen.Task + "/");
        // The link line follows the address line at once when there is one.
        FirstFacilitatorLink = await linkSeen.Task.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null);
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (AddressLine().Match(line) is { Success: true } address)
        {
            addressSeen.TrySetResult(address.Groups[1].Value);
        }
        else if (LinkLine().Match(line) is { Success: true } link)
        {
            linkSeen.TrySetResult(link.Groups[1].Value);
        }
        else if (line.Length == 0 && addressSeen.Task.IsCompleted)
        {
            linkSeen.TrySetResult(null);
        }
    }

    private static (string Dll, string ContentRoot) Locate()
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var contentRoot = Path.Combine(root, "src", "Web");
        var dll = Path.Combine(contentRoot, "bin", configuration, "net10.0", "Quorum.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build src/Web ({configuration}) first: {dll} is missing.", dll);
        }

        return (dll, contentRoot);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Orleans.sln not found above {AppContext.BaseDirectory}.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^Quorum is running at (\S+)$")]
    private static partial Regex AddressLine();

    [GeneratedRegex(@"^Sign in as the first facilitator \(one-time link\): (\S+)$")]
    private static partial Regex LinkLine();
}

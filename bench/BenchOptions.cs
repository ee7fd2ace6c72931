using System.Globalization;
using System.Text.Json;

namespace Quorum.Bench;

/// <summary>The command line: a scenario, its positional arguments, and --name value options.</summary>
public sealed class BenchOptions
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly Dictionary<string, string?> named = new(StringComparer.Ordinal);

    public string? Scenario { get; private init; }

    public IReadOnlyList<string> Positional { get; private init; } = [];

    public bool Quick => named.ContainsKey("quick");

    public static BenchOptions Parse(string[] args)
    {
        var positional = new List<string>();
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
                options.named[name] = value;
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return new BenchOptions
        {
            Scenario = positional.Count > 0 ? positional[0] : null,
            Positional = positional.Skip(1).ToList(),
        }.With(options.named);
    }

    public int Int(string name, int fallback)
    {
        if (!named.TryGetValue(name, out var value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new BenchUsageException($"--{name} needs a positive whole number (got '{value}').");
    }

    public string? Text(string name) => named.GetValueOrDefault(name);

    private BenchOptions With(Dictionary<string, string?> values)
    {
        foreach (var (k, v) in values)
        {
            named[k] = v;
        }

        return this;
    }
}

public sealed class BenchUsageException(string message) : Exception(message);

/// <summary>Where result files go: bench/results (git-ignored).</summary>
internal static class Results
{
    public static void Save(string scenario, string json)
    {
        var folder = Path.Combine(Quorum.Testing.QuorumServer.RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(folder);
        var name = $"{scenario}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json";
        File.WriteAllText(Path.Combine(folder, name), json + Environment.NewLine);
        Console.Error.WriteLine($"bench: result written to bench/results/{name}");
    }
}

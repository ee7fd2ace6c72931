namespace Quorum.Domain.Frameworks;

/// <summary>The frameworks that ship with Quorum (England's KSS statement headings).</summary>
public static class SeedFrameworks
{
    private static readonly Lazy<IReadOnlyList<Framework>> Loaded = new(Load);

    public static IReadOnlyList<Framework> All => Loaded.Value;

    public static Framework? Find(string id) => All.FirstOrDefault(f => f.Id == id);

    private static IReadOnlyList<Framework> Load()
    {
        var assembly = typeof(SeedFrameworks).Assembly;
        var frameworks = new List<Framework>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Quorum.Frameworks.", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Seed framework resource {name} is missing.");
            using var reader = new StreamReader(stream);
            var (framework, problem) = Framework.Parse(reader.ReadToEnd());
            frameworks.Add(framework ?? throw new InvalidOperationException($"Seed framework {name} is invalid: {problem?.Message}"));
        }

        return frameworks;
    }
}

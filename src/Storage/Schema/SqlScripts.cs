using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace Quorum.Storage.Schema;

/// <summary>
/// The SQL shipped for one backend, read from this assembly's embedded resources (Sql/&lt;Backend&gt;/**).
/// </summary>
internal sealed class SqlScripts
{
    /// <summary>The keys the Orleans ADO.NET grain storage provider needs in OrleansQuery.</summary>
    internal static readonly IReadOnlyList<string> ProviderQueryKeys = ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey"];

    private static readonly ConcurrentDictionary<StorageBackend, SqlScripts> Loaded = new();

    private SqlScripts(
        string prepare,
        string appliedVersions,
        string recordVersion,
        string upsertQuery,
        IReadOnlyList<NumberedScript> schema,
        IReadOnlyDictionary<string, string> providerQueries)
    {
        Prepare = prepare;
        AppliedVersions = appliedVersions;
        RecordVersion = recordVersion;
        UpsertQuery = upsertQuery;
        Schema = schema;
        ProviderQueries = providerQueries;
    }

    /// <summary>Takes the schema lock where the backend needs one and creates the version table.</summary>
    public string Prepare { get; }

    /// <summary>Lists the versions already applied.</summary>
    public string AppliedVersions { get; }

    /// <summary>Records one applied script (@Version, @Script).</summary>
    public string RecordVersion { get; }

    /// <summary>Inserts or replaces one provider query (@QueryKey, @QueryText).</summary>
    public string UpsertQuery { get; }

    /// <summary>The numbered scripts of Schema/, in version order.</summary>
    public IReadOnlyList<NumberedScript> Schema { get; }

    /// <summary>The provider's queries by key (file name of Queries/ without ".sql").</summary>
    public IReadOnlyDictionary<string, string> ProviderQueries { get; }

    public static SqlScripts For(StorageBackend backend) => Loaded.GetOrAdd(backend, Load);

    private static SqlScripts Load(StorageBackend backend)
    {
        var assembly = typeof(SqlScripts).Assembly;
        var prefix = $"{typeof(SqlScripts).Assembly.GetName().Name}.Sql.{backend}.";
        var names = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .ToList();

        var schema = names
            .Where(name => name.StartsWith(prefix + "Schema.", StringComparison.Ordinal))
            .Select(name => ParseNumbered(name[(prefix.Length + "Schema.".Length)..], Read(assembly, name)))
            .OrderBy(script => script.Version)
            .ToList();
        var duplicate = schema.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two {backend} schema scripts share version {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.Name))}.");
        }

        var queries = names
            .Where(name => name.StartsWith(prefix + "Queries.", StringComparison.Ordinal))
            .ToDictionary(
                name => name[(prefix.Length + "Queries.".Length)..^".sql".Length],
                name => Read(assembly, name),
                StringComparer.Ordinal);
        var missing = ProviderQueryKeys.Where(key => !queries.ContainsKey(key)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {backend} provider queries {string.Join(", ", missing)} are not embedded in {assembly.GetName().Name}; expected Sql/{backend}/Queries/<key>.sql.");
        }

        return new SqlScripts(
            Required(assembly, prefix, "Prepare.sql", backend),
            Required(assembly, prefix, "AppliedVersions.sql", backend),
            Required(assembly, prefix, "RecordVersion.sql", backend),
            Required(assembly, prefix, "UpsertQuery.sql", backend),
            schema,
            queries);
    }

    private static NumberedScript ParseNumbered(string fileName, string text)
    {
        // "001-grain-state.sql": the number before the first '-' is the version, never reused.
        var dash = fileName.IndexOf('-');
        if (dash <= 0 || !int.TryParse(fileName[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
        {
            throw new InvalidOperationException(
                $"Schema script '{fileName}' must be named '<positive number>-<what it does>.sql', e.g. '002-panel-index.sql'.");
        }

        return new NumberedScript(version, fileName, text);
    }

    private static string Required(Assembly assembly, string prefix, string fileName, StorageBackend backend)
    {
        var name = prefix + fileName;
        if (assembly.GetManifestResourceInfo(name) is null)
        {
            throw new InvalidOperationException($"Sql/{backend}/{fileName} is not embedded in {assembly.GetName().Name}.");
        }

        return Read(assembly, name);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} could not be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

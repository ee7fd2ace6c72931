using System.IO.Compression;
using System.Text.Json;
using Quorum.Domain.Editing;

namespace Quorum.Traces;

/// <summary>
/// One editing trace of ../shared/data/traces: real keystrokes, as transactions of patches
/// <c>[position, deleteCount, insertText]</c> with positions in code points. A concurrent trace adds, per
/// transaction, the transactions its author had seen (<c>parents</c>) and the author (<c>agent</c>).
/// </summary>
public sealed class EditingTrace
{
    private EditingTrace(string name, string startContent, string endContent, IReadOnlyList<TraceTransaction> transactions, int agents, bool concurrent)
    {
        Name = name;
        StartContent = startContent;
        EndContent = endContent;
        Transactions = transactions;
        Agents = agents;
        Concurrent = concurrent;
    }

    public string Name { get; }

    public string StartContent { get; }

    public string EndContent { get; }

    public IReadOnlyList<TraceTransaction> Transactions { get; }

    public int Agents { get; }

    public bool Concurrent { get; }

    public int PatchCount => Transactions.Sum(t => t.Patches.Count);

    public static EditingTrace Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gzip);
        var root = json.RootElement;
        var concurrent = root.TryGetProperty("kind", out var kind) && kind.GetString() == "concurrent";
        var transactions = new List<TraceTransaction>();
        foreach (var txn in root.GetProperty("txns").EnumerateArray())
        {
            var patches = new List<TracePatch>();
            foreach (var patch in txn.GetProperty("patches").EnumerateArray())
            {
                patches.Add(new TracePatch(patch[0].GetInt32(), patch[1].GetInt32(), patch[2].GetString() ?? string.Empty));
            }

            var parents = concurrent ? txn.GetProperty("parents").EnumerateArray().Select(p => p.GetInt32()).ToArray() : [];
            var agent = concurrent ? txn.GetProperty("agent").GetInt32() : 0;
            transactions.Add(new TraceTransaction(patches, parents, agent));
        }

        var name = Path.GetFileName(path).Replace(".json.gz", string.Empty, StringComparison.Ordinal);
        var start = root.TryGetProperty("startContent", out var s) ? s.GetString() ?? string.Empty : string.Empty;
        var agents = concurrent ? root.GetProperty("numAgents").GetInt32() : 1;
        return new EditingTrace(name, start, root.GetProperty("endContent").GetString() ?? string.Empty, transactions, agents, concurrent);
    }

    /// <summary>The folder of traces: $QUORUM_TEST_DATA/traces, else ../shared/data/traces beside the repository.</summary>
    public static string Folder()
    {
        var data = Environment.GetEnvironmentVariable("QUORUM_TEST_DATA");
        if (!string.IsNullOrWhiteSpace(data))
        {
            return Path.Combine(data, "traces");
        }

        foreach (var from in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "traces");
                if (File.Exists(Path.Combine(dir.FullName, "Orleans.sln")) && Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException("The editing traces were not found: set QUORUM_TEST_DATA or put shared/data beside the repository.");
    }

    /// <summary>A trace by name (e.g. "automerge-paper") or by path.</summary>
    public static string Resolve(string nameOrPath) =>
        File.Exists(nameOrPath) ? nameOrPath
        : Path.Combine(Folder(), nameOrPath.EndsWith(".json.gz", StringComparison.Ordinal) ? nameOrPath : nameOrPath + ".json.gz") is var path && File.Exists(path) ? path
        : throw new FileNotFoundException($"No trace '{nameOrPath}' (looked in {Folder()}).", nameOrPath);
}

public sealed record TraceTransaction(IReadOnlyList<TracePatch> Patches, IReadOnlyList<int> Parents, int Agent);

public sealed record TracePatch(int Position, int DeleteCount, string Insert)
{
    /// <summary>The patch as one text-unicode op.</summary>
    public TextOp ToOp()
    {
        var components = new List<OpComponent>(3);
        if (Position > 0)
        {
            components.Add(OpComponent.Retain(Position));
        }

        if (DeleteCount > 0)
        {
            components.Add(OpComponent.Delete(DeleteCount));
        }

        if (Insert.Length > 0)
        {
            components.Add(OpComponent.Insert(Insert));
        }

        return TextOp.From(components);
    }
}

using System.IO.Compression;
using System.Text.Json;

namespace Quorum.Simulator.Traces;

/// <summary>
/// A sequential keystroke trace: <c>{startContent, endContent, txns: [{time, patches: [[pos, delCount, insText]]}]}</c>.
/// Positions count Unicode code points; the patches of one transaction come in descending position order,
/// so applying them one after another (splice semantics) never shifts a later one.
/// </summary>
public sealed class EditingTrace
{
    private EditingTrace(string name, string startContent, string endContent, IReadOnlyList<TraceTransaction> transactions)
    {
        Name = name;
        StartContent = startContent;
        EndContent = endContent;
        Transactions = transactions;
    }

    public string Name { get; }

    public string StartContent { get; }

    public string EndContent { get; }

    public IReadOnlyList<TraceTransaction> Transactions { get; }

    /// <summary>Reads a gzipped trace file; refuses the concurrent kind, whose positions need its causal graph.</summary>
    public static EditingTrace Load(string path)
    {
        using var file = File.OpenRead(path);
        using var unzipped = new GZipStream(file, CompressionMode.Decompress);
        using var document = JsonDocument.Parse(unzipped, new JsonDocumentOptions { MaxDepth = 16 });
        var name = Path.GetFileName(path);
        name = name.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase) ? name[..^".json.gz".Length] : name;
        return Parse(name, document.RootElement);
    }

    public static EditingTrace Parse(string name, JsonElement root)
    {
        if (root.TryGetProperty("kind", out var kind) && kind.GetString() == "concurrent")
        {
            throw new InvalidDataException($"Trace '{name}' is a concurrent trace; the simulator replays sequential traces only.");
        }

        var start = root.TryGetProperty("startContent", out var s) ? s.GetString() ?? "" : "";
        var end = root.GetProperty("endContent").GetString() ?? "";
        var transactions = new List<TraceTransaction>();
        foreach (var txn in root.GetProperty("txns").EnumerateArray())
        {
            DateTimeOffset? time = txn.TryGetProperty("time", out var t) && t.ValueKind == JsonValueKind.String &&
                DateTimeOffset.TryParse(t.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : null;
            var patches = new List<TracePatch>();
            foreach (var patch in txn.GetProperty("patches").EnumerateArray())
            {
                patches.Add(new TracePatch(patch[0].GetInt32(), patch[1].GetInt32(), patch[2].GetString() ?? ""));
            }

            transactions.Add(new TraceTransaction(time, patches));
        }

        return new EditingTrace(name, start, end, transactions);
    }
}

/// <summary>One keystroke (or paste, or cut): patches applied together.</summary>
public sealed record TraceTransaction(DateTimeOffset? Time, IReadOnlyList<TracePatch> Patches);

/// <summary>Delete <see cref="Deleted"/> code points at <see cref="Position"/>, then insert <see cref="Inserted"/> there.</summary>
public sealed record TracePatch(int Position, int Deleted, string Inserted);

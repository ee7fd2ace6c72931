using Quorum.Traces;

namespace Quorum.Simulator.Traces;

/// <summary>
/// The traces the simulated experts type from, and short snippets of their final texts (for options, comments,
/// reasons and notes): real words nobody on the team wrote.
/// </summary>
public sealed class TraceLibrary
{
    /// <summary>Two prose traces and one of code: typing, pauses, backspacing and pasting of real people.</summary>
    public static IReadOnlyList<string> DefaultTraces { get; } = ["clownschool_flat", "sveltecomponent", "seph-blog1"];

    private TraceLibrary(IReadOnlyList<EditingTrace> traces) => Traces = traces;

    public IReadOnlyList<EditingTrace> Traces { get; }

    /// <summary>
    /// Loads the named traces (<c>&lt;name&gt;.json.gz</c>) from a folder, failing with a message that says where it
    /// looked. Sequential traces only: a concurrent one's positions depend on its causal graph, not on one text.
    /// </summary>
    public static TraceLibrary Load(string folder, IReadOnlyList<string>? names = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The traces folder '{folder}' does not exist (pass --traces, or set QUORUM_TEST_DATA).");
        }

        var traces = new List<EditingTrace>();
        foreach (var name in names ?? DefaultTraces)
        {
            var path = Path.Combine(folder, name + ".json.gz");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The trace '{name}' is not in '{folder}' (expected {path}).", path);
            }

            var trace = EditingTrace.Load(path);
            if (trace.Concurrent)
            {
                throw new InvalidDataException($"Trace '{name}' ({path}) is a concurrent trace; the simulator types from sequential traces only.");
            }

            traces.Add(trace);
        }

        return new TraceLibrary(traces);
    }

    /// <summary>
    /// Where the traces are: the folder given, else where <see cref="EditingTrace.Folder"/> finds them
    /// (<c>$QUORUM_TEST_DATA/traces</c>, else <c>../shared/data/traces</c> beside the repository).
    /// </summary>
    public static string LocateFolder(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return Path.GetFullPath(given);
        }

        try
        {
            return EditingTrace.Folder();
        }
        catch (DirectoryNotFoundException e)
        {
            throw new DirectoryNotFoundException($"{e.Message} Or pass --traces <folder>.", e);
        }
    }

    /// <summary>
    /// A person about to type about <paramref name="targetLength"/> code points (never more than
    /// <paramref name="maxLength"/>), from a random place in a random trace.
    /// </summary>
    public TraceTyping StartTyping(Random random, int targetLength, int maxLength = int.MaxValue)
    {
        var trace = Traces[random.Next(Traces.Count)];

        // Enough transactions for the field to reach its length even when the author wanders off to other
        // parts of the document, and no more: the window bounds the work.
        var span = (targetLength * 4) + 400;
        var first = SentenceStart(trace, random.Next(Math.Max(1, trace.Transactions.Count - (span / 4))));
        return new TraceTyping(trace, first, span, targetLength, maxLength);
    }

    /// <summary>
    /// The first keystroke at or after <paramref name="from"/> that types a capital letter: usually the start of a
    /// sentence (or a name in code), so a field does not open in the middle of a word. Bounded look-ahead.
    /// </summary>
    private static int SentenceStart(EditingTrace trace, int from)
    {
        var until = Math.Min(trace.Transactions.Count, from + 2_000);
        for (var i = from; i < until; i++)
        {
            var patch = trace.Transactions[i].Patches[0];
            if (patch.DeleteCount == 0 && patch.Insert.Length > 0 && char.IsUpper(patch.Insert[0]))
            {
                return i;
            }
        }

        return from;
    }

    /// <summary>
    /// A stretch of real text of <paramref name="minLength"/> to <paramref name="maxLength"/> characters, on one line,
    /// starting and ending at word boundaries where it can.
    /// </summary>
    public string Snippet(Random random, int minLength, int maxLength)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var text = Traces[random.Next(Traces.Count)].EndContent;
            if (text.Length <= minLength)
            {
                continue;
            }

            var start = random.Next(text.Length - minLength);
            var wordStart = text.IndexOf(' ', start);
            if (wordStart >= 0 && wordStart < start + 40 && wordStart + minLength < text.Length)
            {
                start = wordStart + 1;
            }

            if (char.IsLowSurrogate(text[start]))
            {
                start++;
            }

            var length = Math.Min(random.Next(minLength, maxLength + 1), text.Length - start);
            var cut = text.Substring(start, length);
            var lastSpace = cut.LastIndexOf(' ');
            if (lastSpace >= minLength)
            {
                cut = cut[..lastSpace];
            }

            var snippet = FieldText.OneLine(cut, maxLength);
            if (snippet.Length >= minLength / 2 && snippet.Any(char.IsLetter))
            {
                return snippet;
            }
        }

        return $"(from {Traces[0].Name})";
    }
}

using Quorum.Domain.Editing;
using Quorum.Traces;

namespace Quorum.Simulator.Traces;

/// <summary>
/// One person typing one stretch of text, taken from a window of a real trace. The stretch is the part of the
/// traced document that grows from the window's first insertion: keystrokes inside it change it, keystrokes
/// before it only move it, keystrokes after it are somewhere else in the document and are skipped. So the
/// stretch receives the trace's own sequence of typing, backspacing and pasting, in code points, and each
/// keystroke comes out as the text-unicode op it makes on the stretch.
/// </summary>
public sealed class TraceTyping
{
    private readonly EditingTrace _trace;
    private readonly int _end;
    private readonly int _targetLength;
    private readonly int _maxLength;
    private readonly TextBuffer _text = new(string.Empty);
    private int _next;
    private int? _start;
    private bool _full;

    /// <param name="trace">The trace to take keystrokes from.</param>
    /// <param name="firstTransaction">Where the window opens.</param>
    /// <param name="maxTransactions">How many transactions the window spans at most (keystrokes elsewhere included): the bound on the work.</param>
    /// <param name="targetLength">The author stops once the stretch holds this many code points.</param>
    /// <param name="maxLength">
    /// The stretch never holds more code points than this: a paste that would overflow it is cut, and the typing
    /// ends there (the rest of the trace would no longer line up with the text).
    /// </param>
    public TraceTyping(EditingTrace trace, int firstTransaction, int maxTransactions, int targetLength, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentOutOfRangeException.ThrowIfNegative(firstTransaction);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTransactions);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        _trace = trace;
        _next = Math.Min(firstTransaction, trace.Transactions.Count);
        _end = (int)Math.Min((long)_next + maxTransactions, trace.Transactions.Count);
        _targetLength = targetLength;
        _maxLength = maxLength;
    }

    public string TraceName => _trace.Name;

    /// <summary>Where the stretch begins in the traced document (code points); null until the first insertion.</summary>
    public int? DocumentPosition => _start;

    /// <summary>The stretch as typed so far.</summary>
    public string Text => _text.ToString();

    /// <summary>Length of the stretch in code points.</summary>
    public int Length => _text.Length;

    /// <summary>Transactions that changed the stretch.</summary>
    public int Keystrokes { get; private set; }

    /// <summary>The window is used up, the stretch has reached its intended length, or it is full.</summary>
    public bool Finished => _full || _next >= _end || _text.Length >= _targetLength;

    /// <summary>
    /// Applies the next transaction of the window; the op it made on the stretch as it was before (empty when the
    /// keystroke was elsewhere in the document, or the window is finished).
    /// </summary>
    public TextOp Step()
    {
        if (Finished)
        {
            return TextOp.Empty;
        }

        var transaction = _trace.Transactions[_next++];
        var change = TextOp.Empty;
        foreach (var patch in transaction.Patches)
        {
            if (Apply(patch) is { } op)
            {
                change = TextOt.Compose(change, op);
            }

            if (_full)
            {
                break;
            }
        }

        if (!change.IsNoop)
        {
            Keystrokes++;
        }

        return change;
    }

    /// <summary>
    /// Types <paramref name="text"/> at the end of the stretch, outside the trace (a space before a sentence added to
    /// someone else's text, or a snippet in place of a stretch left blank); the op it made. Keystrokes of the
    /// trace that come later and open the stretch are typed on after it.
    /// </summary>
    public TextOp Append(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Cut(Typeable(text), _maxLength - _text.Length);
        var op = Op(_text.Length, 0, text);
        _text.Splice(_text.Length, 0, text);
        return op;
    }

    /// <summary>
    /// Takes <paramref name="text"/> as the stretch (what the item was created with, when the server kept
    /// something else): the stretch keeps its place in the traced document, so later keystrokes land near where
    /// they would have, and keystrokes opening the stretch are typed on at its end.
    /// </summary>
    public void Adopt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text.Splice(0, _text.Length, text);
    }

    /// <summary>Applies one patch of the trace to the stretch; the op it made there, or null when it fell elsewhere.</summary>
    private TextOp? Apply(TracePatch patch)
    {
        if (_start is not { } start)
        {
            // The stretch opens where the author first inserts (after any text adopted before that); deletions
            // before then are elsewhere in the document.
            if (patch.Insert.Length == 0)
            {
                return null;
            }

            _start = patch.Position - _text.Length;
            return Splice(_text.Length, 0, patch.Insert);
        }

        var change = TextOp.Empty;
        if (patch.DeleteCount > 0)
        {
            var end = start + _text.Length;
            var deletedEnd = patch.Position + patch.DeleteCount;
            var deletedBefore = Math.Max(0, Math.Min(deletedEnd, start) - patch.Position);
            var from = Math.Max(patch.Position, start);
            var to = Math.Min(deletedEnd, end);
            if (to > from)
            {
                change = Splice(from - start, to - from, string.Empty);
            }

            start -= deletedBefore;
        }

        if (patch.Insert.Length > 0)
        {
            var end = start + _text.Length;
            if (patch.Position < start)
            {
                start += CodePoints.Count(patch.Insert);
            }
            else if (patch.Position <= end)
            {
                change = TextOt.Compose(change, Splice(patch.Position - start, 0, patch.Insert));
            }
        }

        _start = start;
        return change.IsNoop ? null : change;
    }

    /// <summary>Changes the stretch and says how, keeping it within its length and free of characters the server refuses.</summary>
    private TextOp Splice(int position, int deleteCount, string insert)
    {
        var room = _maxLength - (_text.Length - deleteCount);
        var typed = Cut(Typeable(insert), room);
        if (typed.Length < insert.Length)
        {
            _full = true;
        }

        _text.Splice(position, deleteCount, typed);
        return Op(position, deleteCount, typed);
    }

    private static TextOp Op(int position, int deleteCount, string insert) =>
        TextOp.From(OpComponent.Retain(position), OpComponent.Delete(deleteCount), OpComponent.Insert(insert));

    /// <summary>
    /// The server refuses control characters other than line breaks and tabs, and half characters (lone
    /// surrogates) are not text; a traced one is typed as a space or U+FFFD, one code point for one, so the stretch
    /// stays as long as the traced document says and later positions still line up.
    /// </summary>
    private static string Typeable(string text)
    {
        if (!NeedsReplacing(text))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                {
                    span[i] = c;
                    span[++i] = source[i];
                }
                else
                {
                    span[i] = char.IsSurrogate(c) ? '\uFFFD' : IsRefused(c) ? ' ' : c;
                }
            }
        });
    }

    private static bool NeedsReplacing(string text) => text.Any(IsRefused) || !CodePoints.IsWellFormed(text);

    private static bool IsRefused(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    /// <summary>The first <paramref name="codePoints"/> code points of <paramref name="text"/> (all of it when it is no longer).</summary>
    private static string Cut(string text, int codePoints)
    {
        if (codePoints <= 0)
        {
            return string.Empty;
        }

        var end = CodePoints.CharIndex(text, codePoints);
        return end < 0 ? text : text[..end];
    }
}

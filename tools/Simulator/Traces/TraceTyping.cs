namespace Quorum.Simulator.Traces;

/// <summary>
/// One person typing one field, taken from a window of a real trace. The field is the stretch of the traced
/// document that grows from the window's first insertion: keystrokes inside it change the field, keystrokes
/// before it only move it, keystrokes after it are somewhere else in the document and are skipped. So the
/// field receives the trace's own sequence of typing, backspacing and pasting, in code points.
/// </summary>
public sealed class TraceTyping
{
    private readonly EditingTrace _trace;
    private readonly int _end;
    private readonly int _targetLength;
    private readonly CodePointBuffer _field = new();
    private int _next;
    private int? _start;

    /// <param name="trace">The trace to take keystrokes from.</param>
    /// <param name="firstTransaction">Where the window opens.</param>
    /// <param name="maxTransactions">How many transactions the window spans at most (keystrokes elsewhere included): the bound on the work.</param>
    /// <param name="targetLength">The author stops once the field holds this many code points.</param>
    public TraceTyping(EditingTrace trace, int firstTransaction, int maxTransactions, int targetLength)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentOutOfRangeException.ThrowIfNegative(firstTransaction);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTransactions);
        _trace = trace;
        _next = Math.Min(firstTransaction, trace.Transactions.Count);
        _end = (int)Math.Min((long)_next + maxTransactions, trace.Transactions.Count);
        _targetLength = targetLength;
    }

    public string TraceName => _trace.Name;

    /// <summary>Where the field begins in the traced document (code points); null until the first insertion.</summary>
    public int? DocumentPosition => _start;

    /// <summary>The field as typed so far.</summary>
    public string Text => _field.ToString();

    /// <summary>Length of the field in code points.</summary>
    public int Length => _field.Length;

    /// <summary>Transactions that changed the field.</summary>
    public int Keystrokes { get; private set; }

    /// <summary>Trace time of the last keystroke that changed the field (some traces have none).</summary>
    public DateTimeOffset? LastKeystrokeTime { get; private set; }

    /// <summary>The window is used up or the field has reached its intended length.</summary>
    public bool Finished => _next >= _end || _field.Length >= _targetLength;

    /// <summary>Applies the next transaction of the window; true when it changed the field.</summary>
    public bool Step()
    {
        if (Finished)
        {
            return false;
        }

        var transaction = _trace.Transactions[_next++];
        var changed = false;
        foreach (var patch in transaction.Patches)
        {
            changed |= Apply(patch);
        }

        if (changed)
        {
            Keystrokes++;
            LastKeystrokeTime = transaction.Time ?? LastKeystrokeTime;
        }

        return changed;
    }

    /// <summary>
    /// Takes the field's text as the server holds it (after a stale write) and types on from there: the
    /// field keeps its place in the traced document, so later keystrokes land near where they would have.
    /// </summary>
    public void Adopt(string text) => _field.Replace(text);

    private bool Apply(TracePatch patch)
    {
        if (_start is not { } start)
        {
            // The field opens where the author first inserts (after any text adopted before that); deletions
            // before then are elsewhere in the document.
            if (patch.Inserted.Length == 0)
            {
                return false;
            }

            _start = patch.Position - _field.Length;
            _field.Splice(_field.Length, 0, patch.Inserted);
            return true;
        }

        var changed = false;
        if (patch.Deleted > 0)
        {
            var end = start + _field.Length;
            var deletedEnd = patch.Position + patch.Deleted;
            var deletedBefore = Math.Max(0, Math.Min(deletedEnd, start) - patch.Position);
            var from = Math.Max(patch.Position, start);
            var to = Math.Min(deletedEnd, end);
            if (to > from)
            {
                _field.Splice(from - start, to - from, "");
                changed = true;
            }

            start -= deletedBefore;
        }

        if (patch.Inserted.Length > 0)
        {
            var end = start + _field.Length;
            if (patch.Position < start)
            {
                start += CodePointBuffer.CodePointCount(patch.Inserted);
            }
            else if (patch.Position <= end)
            {
                _field.Splice(patch.Position - start, 0, patch.Inserted);
                changed = true;
            }
        }

        _start = start;
        return changed;
    }
}

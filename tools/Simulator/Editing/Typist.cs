using Quorum.Domain.Editing;
using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Editing;

/// <summary>
/// One person typing their own stretch of a field that others may be typing into at the same time. The
/// keystrokes come from a <see cref="TraceTyping"/> and change only that stretch; what everyone else has done to
/// the field is kept as one op from the stretch to the field as this person sees it, so each keystroke is
/// transformed to its place in the field and nobody deletes what someone else wrote.
/// </summary>
/// <remarks>
/// Others' changes are seen only as texts (the field before and after), so they are read back as one change
/// between the longest common start and end. Where equal characters make that ambiguous it leans towards the side
/// others' text is on, which keeps each stretch in one piece.
/// </remarks>
public sealed class Typist
{
    private readonly TraceTyping _typing;
    private readonly Side _side;
    private string? _apart;
    private TextOp _others;
    private string _seen;

    /// <param name="typing">The person's own keystrokes; its text so far is already in <paramref name="field"/>.</param>
    /// <param name="field">The field as the person's tab shows it now.</param>
    /// <param name="side">
    /// Where others' text is: <see cref="Side.Left"/> for someone whose own stretch comes first (typing where
    /// others' text begins goes before it); <see cref="Side.Right"/> for someone whose stretch follows others' text
    /// (typing where it ends goes after it).
    /// </param>
    /// <param name="apart">
    /// Text typed where the own stretch ends but apart from it, just before the first keystroke that types
    /// anything: a space between one's own sentence and someone else's, which the trace's backspacing never
    /// reaches and which keeps two people's typing from meeting at one position.
    /// </param>
    public Typist(TraceTyping typing, string field, Side side, string? apart = null)
    {
        ArgumentNullException.ThrowIfNull(typing);
        ArgumentNullException.ThrowIfNull(field);
        _typing = typing;
        _side = side;
        _apart = string.IsNullOrEmpty(apart) ? null : apart;
        _seen = field;
        _others = Change(typing.Text, field, side);
    }

    /// <summary>The person's own stretch as typed so far.</summary>
    public string Own => _typing.Text;

    public bool Finished => _typing.Finished;

    /// <summary>The next keystroke of the trace, as an op on <paramref name="field"/> (the tab's text now); empty when it changed nothing.</summary>
    public TextOp Next(string field)
    {
        var ownLength = _typing.Length;
        var own = _typing.Step();
        if (own.IsNoop || _apart is not { } apart)
        {
            return Type(field, own);
        }

        _apart = null;
        var first = Apart(field, ownLength, apart);
        return TextOt.Compose(first, Type(_seen, own));
    }

    /// <summary><paramref name="text"/> typed at the end of the person's own stretch, as an op on <paramref name="field"/>.</summary>
    public TextOp Append(string field, string text) => Type(field, _typing.Append(text));

    /// <summary>
    /// The change from <paramref name="before"/> to <paramref name="after"/> as one op: kept the longest common start
    /// and end, in code points. <paramref name="side"/> says which to take first where they overlap:
    /// <see cref="Side.Left"/> the start (the change lies as late as it can), <see cref="Side.Right"/> the end.
    /// </summary>
    public static TextOp Change(string before, string after, Side side)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var most = Math.Min(before.Length, after.Length);
        int start, end;
        if (side == Side.Left)
        {
            start = CommonStart(before, after, most);
            end = CommonEnd(before, after, most - start);
        }
        else
        {
            end = CommonEnd(before, after, most);
            start = CommonStart(before, after, most - end);
        }

        return TextOp.From(
            OpComponent.Retain(CodePoints.Count(before.AsSpan(0, start))),
            OpComponent.Delete(CodePoints.Count(before.AsSpan(start, before.Length - start - end))),
            OpComponent.Insert(after.Substring(start, after.Length - start - end)));
    }

    /// <param name="own">The keystroke on the own stretch, already applied to it.</param>
    private TextOp Type(string field, TextOp own)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!string.Equals(field, _seen, StringComparison.Ordinal))
        {
            _others = TextOt.Compose(_others, Change(_seen, field, _side));
            _seen = field;
        }

        if (own.IsNoop)
        {
            return own;
        }

        // The keystroke and the others' changes were both made on the stretch before it: each is rewritten to follow the other.
        var change = TextOt.Transform(own, _others, _side);
        _others = TextOt.Transform(_others, own, _side == Side.Left ? Side.Right : Side.Left);
        _seen = TextOt.Apply(field, change);
        return change;
    }

    /// <summary>
    /// <paramref name="text"/> typed at <paramref name="ownPosition"/> of the own stretch but as others' text:
    /// where it lands in <paramref name="field"/>, as an op on it.
    /// </summary>
    private TextOp Apart(string field, int ownPosition, string text)
    {
        Type(field, TextOp.Empty);
        var apart = TextOt.Transform(TextOp.From(OpComponent.Retain(ownPosition), OpComponent.Insert(text)), _others, _side);
        _others = TextOt.Compose(_others, apart);
        _seen = TextOt.Apply(field, apart);
        return apart;
    }

    /// <summary>Chars the two texts share at the start, at most <paramref name="most"/>, never ending inside a surrogate pair.</summary>
    private static int CommonStart(string a, string b, int most)
    {
        var n = a.AsSpan(0, most).CommonPrefixLength(b.AsSpan(0, most));
        return n > 0 && char.IsHighSurrogate(a[n - 1]) ? n - 1 : n;
    }

    /// <summary>Chars the two texts share at the end, at most <paramref name="most"/>, never starting inside a surrogate pair.</summary>
    private static int CommonEnd(string a, string b, int most)
    {
        var n = 0;
        while (n < most && a[a.Length - 1 - n] == b[b.Length - 1 - n])
        {
            n++;
        }

        return n > 0 && char.IsLowSurrogate(a[a.Length - n]) ? n - 1 : n;
    }
}

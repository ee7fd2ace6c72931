namespace Quorum.Domain.Editing;

/// <summary>
/// A document being edited: a gap buffer of code points, so that typing (edits close to the last one) moves a few
/// elements instead of copying the text, and positions are code points as in ops. Not thread-safe.
/// </summary>
public sealed class TextBuffer
{
    private const int MinGap = 64;

    private int[] buffer;
    private int gapStart; // document position of the gap
    private int gapEnd;   // buffer index of the first code point after the gap

    /// <exception cref="ArgumentException"><paramref name="text"/> holds a lone surrogate.</exception>
    public TextBuffer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        RequireWellFormed(text, nameof(text));
        var length = CodePoints.Count(text);
        buffer = new int[length + Math.Max(MinGap, length / 2)];
        gapEnd = buffer.Length;
        Write(text);
    }

    /// <summary>Code points in the document.</summary>
    public int Length => buffer.Length - (gapEnd - gapStart);

    /// <summary>Null when <paramref name="op"/> applies to the document, deleted text included; otherwise why not.</summary>
    public string? Check(TextOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (TextOt.Check(op, Length) is { } tooLong)
        {
            return tooLong;
        }

        return op.HasDeletedText ? CheckDeletedText(op) : null;
    }

    /// <summary>Applies <paramref name="op"/>, or, when it does not fit, throws and leaves the document as it was.</summary>
    /// <exception cref="OpRejectedException">The op reaches past the end or deletes text the document does not hold.</exception>
    public void Apply(TextOp op)
    {
        if (Check(op) is { } problem)
        {
            throw new OpRejectedException(problem);
        }

        // Checked: every retain and delete below stays inside the document.
        var position = 0;
        foreach (var c in op.Parts)
        {
            switch (c.Kind)
            {
                case OpComponentKind.Retain:
                    position += c.Length;
                    break;
                case OpComponentKind.Insert:
                    MoveGap(position);
                    EnsureGap(c.Length);
                    Write(c.Text!);
                    position += c.Length;
                    break;
                default:
                    MoveGap(position);
                    gapEnd += c.Length;
                    break;
            }
        }
    }

    /// <summary>
    /// Replaces <paramref name="deleteCount"/> code points at <paramref name="position"/> with <paramref name="insert"/>:
    /// one edit of a keystroke trace, without building an op.
    /// </summary>
    public void Splice(int position, int deleteCount, string insert)
    {
        ArgumentNullException.ThrowIfNull(insert);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfNegative(deleteCount);
        if ((long)position + deleteCount > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(deleteCount), $"Code points {position}..{(long)position + deleteCount} are not inside a text of {Length}.");
        }

        RequireWellFormed(insert, nameof(insert));
        MoveGap(position);
        gapEnd += deleteCount;
        EnsureGap(insert.Length); // chars are at least as many as code points
        Write(insert);
    }

    /// <summary>The <paramref name="count"/> code points from <paramref name="start"/>.</summary>
    public string Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if ((long)start + count > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Code points {start}..{(long)start + count} are not inside a text of {Length}.");
        }

        Segments(start, count, out var front, out var back);
        var chars = front.Length + back.Length;
        foreach (var cp in front)
        {
            chars += cp >> 16 != 0 ? 1 : 0;
        }

        foreach (var cp in back)
        {
            chars += cp >> 16 != 0 ? 1 : 0;
        }

        return string.Create(chars, (this, start, count), static (span, state) =>
        {
            var (text, from, n) = state;
            text.Segments(from, n, out var front, out var back);
            var at = Decode(front, span);
            Decode(back, span[at..]);
        });
    }

    public override string ToString() => Slice(0, Length);

    private string? CheckDeletedText(TextOp op)
    {
        var position = 0; // in the document before the op
        foreach (var c in op.Parts)
        {
            if (c.Kind == OpComponentKind.Insert)
            {
                continue;
            }

            if (c.Kind == OpComponentKind.Delete && c.Text is not null)
            {
                var at = position;
                foreach (var rune in c.Text.EnumerateRunes())
                {
                    if (CodePointAt(at++) != rune.Value)
                    {
                        return OpRejection.DeleteMismatch(position, c.Text, Slice(position, c.Length));
                    }
                }
            }

            position += c.Length;
        }

        return null;
    }

    private int CodePointAt(int position) => buffer[position < gapStart ? position : position + (gapEnd - gapStart)];

    /// <summary>The stored code points of document positions start..start+count, before and after the gap.</summary>
    private void Segments(int start, int count, out ReadOnlySpan<int> front, out ReadOnlySpan<int> back)
    {
        var end = start + count;
        front = start < gapStart ? buffer.AsSpan(start, Math.Min(end, gapStart) - start) : default;
        var backStart = Math.Max(start, gapStart);
        back = end > gapStart ? buffer.AsSpan(gapEnd + backStart - gapStart, end - backStart) : default;
    }

    private void MoveGap(int position)
    {
        if (position < gapStart)
        {
            var n = gapStart - position;
            buffer.AsSpan(position, n).CopyTo(buffer.AsSpan(gapEnd - n));
            gapStart = position;
            gapEnd -= n;
        }
        else if (position > gapStart)
        {
            var n = position - gapStart;
            buffer.AsSpan(gapEnd, n).CopyTo(buffer.AsSpan(gapStart));
            gapStart = position;
            gapEnd += n;
        }
    }

    private void EnsureGap(int needed)
    {
        if (gapEnd - gapStart >= needed)
        {
            return;
        }

        var length = Length;
        var capacity = (int)Math.Min(Array.MaxLength, Math.Max(2L * buffer.Length, (long)length + needed + MinGap));
        var grown = new int[capacity];
        var backLength = buffer.Length - gapEnd;
        buffer.AsSpan(0, gapStart).CopyTo(grown);
        buffer.AsSpan(gapEnd).CopyTo(grown.AsSpan(capacity - backLength));
        buffer = grown;
        gapEnd = capacity - backLength;
    }

    /// <summary>Writes well-formed text into the gap, which has room for it.</summary>
    private void Write(string text)
    {
        var at = gapStart;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            buffer[at++] = char.IsHighSurrogate(c) ? char.ConvertToUtf32(c, text[++i]) : c;
        }

        gapStart = at;
    }

    private static int Decode(ReadOnlySpan<int> codePoints, Span<char> output)
    {
        var at = 0;
        foreach (var cp in codePoints)
        {
            if (cp < 0x10000)
            {
                output[at++] = (char)cp;
            }
            else
            {
                output[at++] = (char)(((cp - 0x10000) >> 10) + 0xD800);
                output[at++] = (char)(((cp - 0x10000) & 0x3FF) + 0xDC00);
            }
        }

        return at;
    }

    private static void RequireWellFormed(string text, string parameter)
    {
        if (CodePoints.FirstLoneSurrogate(text) is var bad and >= 0)
        {
            throw new ArgumentException($"The text has a lone surrogate at char {bad}; it is not valid Unicode.", parameter);
        }
    }
}

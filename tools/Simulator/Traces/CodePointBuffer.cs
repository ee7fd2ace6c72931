using System.Text;

namespace Quorum.Simulator.Traces;

/// <summary>
/// Editable text addressed in Unicode code points, as the traces (and the later OT type) count them; C# string
/// indexes count UTF-16 units and go wrong past the Basic Multilingual Plane. A gap buffer: typing is local,
/// so moving the gap is short and a whole trace replays in milliseconds (StringBuilder.Insert takes seconds).
/// </summary>
public sealed class CodePointBuffer
{
    private int[] _points;
    private int _gapStart;
    private int _gapEnd;

    public CodePointBuffer(string text = "")
    {
        var points = ToCodePoints(text);
        _points = new int[Math.Max(16, points.Length * 2)];
        points.CopyTo(_points, 0);
        _gapStart = points.Length;
        _gapEnd = _points.Length;
    }

    /// <summary>Length in code points.</summary>
    public int Length => _points.Length - (_gapEnd - _gapStart);

    /// <summary>Deletes <paramref name="deleteCount"/> code points at <paramref name="position"/>, then inserts <paramref name="insert"/> there.</summary>
    public void Splice(int position, int deleteCount, string insert)
    {
        ArgumentNullException.ThrowIfNull(insert);
        if (position < 0 || deleteCount < 0 || position > Length || deleteCount > Length - position)
        {
            throw new ArgumentOutOfRangeException(nameof(position), $"Splice({position}, {deleteCount}) is outside a text of {Length} code points.");
        }

        MoveGapTo(position);
        _gapEnd += deleteCount;
        if (insert.Length == 0)
        {
            return;
        }

        var points = ToCodePoints(insert);
        EnsureGap(points.Length);
        points.CopyTo(_points, _gapStart);
        _gapStart += points.Length;
    }

    /// <summary>Replaces the whole text (adopting what the server holds after a stale write).</summary>
    public void Replace(string text) => Splice(0, Length, text);

    public override string ToString()
    {
        var text = new StringBuilder(Length);
        AppendRange(text, 0, _gapStart);
        AppendRange(text, _gapEnd, _points.Length);
        return text.ToString();
    }

    /// <summary>Number of code points in a string (a lone surrogate counts as one, as the traces' tools count it).</summary>
    public static int CodePointCount(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    private static int[] ToCodePoints(string text)
    {
        var points = new int[CodePointCount(text)];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                points[n++] = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else
            {
                // A lone surrogate is kept as it is rather than silently replaced: the replay must reproduce its input.
                points[n++] = text[i];
            }
        }

        return points;
    }

    private static void Append(StringBuilder text, int point)
    {
        if (point < 0x10000)
        {
            text.Append((char)point);
        }
        else
        {
            point -= 0x10000;
            text.Append((char)(0xD800 + (point >> 10)));
            text.Append((char)(0xDC00 + (point & 0x3FF)));
        }
    }

    private void AppendRange(StringBuilder text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            Append(text, _points[i]);
        }
    }

    private void MoveGapTo(int position)
    {
        if (position < _gapStart)
        {
            var count = _gapStart - position;
            Array.Copy(_points, position, _points, _gapEnd - count, count);
            _gapStart -= count;
            _gapEnd -= count;
        }
        else if (position > _gapStart)
        {
            var count = position - _gapStart;
            Array.Copy(_points, _gapEnd, _points, _gapStart, count);
            _gapStart += count;
            _gapEnd += count;
        }
    }

    private void EnsureGap(int needed)
    {
        if (_gapEnd - _gapStart >= needed)
        {
            return;
        }

        var tail = _points.Length - _gapEnd;
        var grown = new int[Math.Max(_points.Length * 2, Length + needed + 16)];
        Array.Copy(_points, 0, grown, 0, _gapStart);
        Array.Copy(_points, _gapEnd, grown, grown.Length - tail, tail);
        _gapEnd = grown.Length - tail;
        _points = grown;
    }
}

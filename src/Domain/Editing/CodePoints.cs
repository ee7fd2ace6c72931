namespace Quorum.Domain.Editing;

/// <summary>
/// Unicode code point arithmetic on UTF-16 strings. Op positions and lengths count code points (as
/// ot-text-unicode does), so a non-BMP character such as an emoji is one position but two chars.
/// </summary>
public static class CodePoints
{
    /// <summary>The number of code points; a lone surrogate counts as one, as JavaScript's string iterator does.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = text.Length;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                count--;
                i++; // a low surrogate cannot start the next pair
            }
        }

        return count;
    }

    /// <summary>False when the text holds a lone (unpaired) surrogate, which no code point count can describe.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text) => FirstLoneSurrogate(text) < 0;

    /// <summary>The char index of the first unpaired surrogate, or -1.</summary>
    public static int FirstLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return i;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The char index at which code point <paramref name="codePoints"/> starts, counting from char
    /// <paramref name="fromChar"/>; -1 when the text ends first.
    /// </summary>
    public static int CharIndex(ReadOnlySpan<char> text, int codePoints, int fromChar = 0)
    {
        var i = fromChar;
        for (var n = 0; n < codePoints; n++)
        {
            if (i >= text.Length)
            {
                return -1;
            }

            i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        }

        return i;
    }

    /// <summary>The <paramref name="count"/> code points from code point <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the text.</exception>
    public static string Slice(string text, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var from = CharIndex(text, start);
        var to = from < 0 ? -1 : CharIndex(text, count, from);
        if (to < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Code points {start}..{start + count} are not inside a text of {Count(text)}.");
        }

        return from == 0 && to == text.Length ? text : text[from..to];
    }

    /// <summary>Everything from code point <paramref name="start"/> on.</summary>
    public static string Slice(string text, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        var from = CharIndex(text, start);
        if (from < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Code point {start} is not inside a text of {Count(text)}.");
        }

        return from == 0 ? text : text[from..];
    }
}

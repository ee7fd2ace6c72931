using System.Text;

namespace Quorum.Simulator.Traces;

/// <summary>Makes typed text acceptable to the server: no control characters but line breaks and tabs, within the field's limit.</summary>
public static class FieldText
{
    /// <summary>
    /// Strips control characters other than \n, \r and \t, then cuts to <paramref name="maxLength"/> UTF-16
    /// characters without splitting a surrogate pair (so it is within the limit however "characters" are counted).
    /// </summary>
    public static string Clean(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text)
        {
            if (clean.Length >= maxLength)
            {
                break;
            }

            if (!char.IsControl(c) || c is '\n' or '\r' or '\t')
            {
                clean.Append(c);
            }
        }

        if (clean.Length > 0 && clean.Length == maxLength && char.IsHighSurrogate(clean[^1]))
        {
            clean.Length--;
        }

        return clean.ToString();
    }

    /// <summary>Clean, on one line, whitespace runs collapsed: for options, comments and notes cut from a trace.</summary>
    public static string OneLine(string text, int maxLength)
    {
        var flat = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = flat.Length > 0;
                continue;
            }

            if (space)
            {
                flat.Append(' ');
                space = false;
            }

            flat.Append(c);
        }

        return Clean(flat.ToString(), maxLength).TrimEnd();
    }
}

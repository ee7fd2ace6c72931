namespace Quorum.Domain;

/// <summary>Checks on free text that people type.</summary>
public static class Text
{
    /// <summary>
    /// Null when the text is within its limit and holds no control characters other than line breaks and tabs;
    /// otherwise the problem, naming the field.
    /// </summary>
    public static InputProblem? Check(string field, string? text, int maxLength, bool required, string label)
    {
        if (text is null || (required && string.IsNullOrWhiteSpace(text)))
        {
            return required ? new InputProblem(field, $"{label} is required.") : null;
        }

        // Characters as a person counts them (code points), as the editing engine counts them: an emoji is one.
        var length = Editing.CodePoints.Count(text);
        if (length > maxLength)
        {
            return new InputProblem(field, $"{label} can be at most {maxLength} characters (it has {length}).");
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return new InputProblem(field, $"{label} contains a control character.");
            }
        }

        return null;
    }

    /// <summary>The text's first characters on one line, for titles and previews.</summary>
    public static string Opening(string text, int maxLength)
    {
        var line = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= maxLength ? line : string.Concat(line.AsSpan(0, maxLength - 1), "…");
    }
}

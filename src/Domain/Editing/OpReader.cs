namespace Quorum.Domain.Editing;

/// <summary>
/// ot-text-unicode's "take" iterator: reads an op's components front to back, splitting them to a requested
/// length. Past the last component it reads as an endless retain, because an op keeps the rest of the document.
/// </summary>
internal struct OpReader(OpComponent[] parts)
{
    private int index;
    private int offset;     // code points of parts[index] already taken
    private int charOffset; // the same, in chars of its text

    /// <summary>The kind of the next component, or null at the end.</summary>
    public readonly OpComponentKind? PeekKind => index < parts.Length ? parts[index].Kind : null;

    /// <summary>
    /// At most <paramref name="count"/> code points of the next component; all that is left of it when it is shorter
    /// or of the kind <paramref name="whole"/> (which is never split).
    /// </summary>
    public OpComponent Take(int count, OpComponentKind? whole)
    {
        if (index == parts.Length)
        {
            return new OpComponent(OpComponentKind.Retain, count, null);
        }

        var c = parts[index];
        if (c.Length - offset <= count || c.Kind == whole)
        {
            return TakeRest(c);
        }

        string? text = null;
        if (c.Text is not null)
        {
            var end = CodePoints.CharIndex(c.Text, count, charOffset);
            text = c.Text[charOffset..end];
            charOffset = end;
        }

        offset += count;
        return new OpComponent(c.Kind, count, text);
    }

    /// <summary>The rest of the next component; false at the end.</summary>
    public bool TryTakeRest(out OpComponent component)
    {
        if (index == parts.Length)
        {
            component = default;
            return false;
        }

        component = TakeRest(parts[index]);
        return true;
    }

    private OpComponent TakeRest(OpComponent c)
    {
        var rest = offset == 0 ? c : new OpComponent(c.Kind, c.Length - offset, c.Text?[charOffset..]);
        index++;
        offset = 0;
        charOffset = 0;
        return rest;
    }
}

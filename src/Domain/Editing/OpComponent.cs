namespace Quorum.Domain.Editing;

/// <summary>
/// One step of a <see cref="TextOp"/>. <see cref="Length"/> counts code points. <see cref="Text"/> is the inserted
/// text for an insert, the removed text for a delete that carries it (checked against the document when applied),
/// and null otherwise. Build components with the factories; <see cref="TextOp.From"/> checks any built by hand.
/// </summary>
public readonly record struct OpComponent(OpComponentKind Kind, int Length, string? Text)
{
    /// <summary>Keeps <paramref name="count"/> code points.</summary>
    public static OpComponent Retain(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new OpComponent(OpComponentKind.Retain, count, null);
    }

    /// <summary>Inserts <paramref name="text"/>, which must not hold a lone surrogate.</summary>
    public static OpComponent Insert(string text) => new(OpComponentKind.Insert, CheckedLength(text), text);

    /// <summary>Removes <paramref name="count"/> code points, whatever they are.</summary>
    public static OpComponent Delete(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new OpComponent(OpComponentKind.Delete, count, null);
    }

    /// <summary>Removes <paramref name="text"/>, which the document must hold at that place.</summary>
    public static OpComponent Delete(string text) => new(OpComponentKind.Delete, CheckedLength(text), text);

    public bool IsRetain => Kind == OpComponentKind.Retain;

    public bool IsInsert => Kind == OpComponentKind.Insert;

    public bool IsDelete => Kind == OpComponentKind.Delete;

    private static int CheckedLength(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (CodePoints.FirstLoneSurrogate(text) is var bad and >= 0)
        {
            throw new ArgumentException($"The text has a lone surrogate at char {bad}; it is not valid Unicode.", nameof(text));
        }

        return CodePoints.Count(text);
    }
}

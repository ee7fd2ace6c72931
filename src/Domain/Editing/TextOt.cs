using System.Text;

namespace Quorum.Domain.Editing;

/// <summary>
/// The ot-text-unicode operational transform on <see cref="TextOp"/>s, result for result: the same ops in give
/// the same JSON out as the npm package (4.0.0), so a browser running it and the server agree.
/// </summary>
public static class TextOt
{
    /// <summary>
    /// Rewrites <paramref name="op"/>, made on the same document as <paramref name="other"/>, to apply after it.
    /// On <see cref="Side.Left"/> an insert of <paramref name="op"/> at the same place as one of
    /// <paramref name="other"/> goes first.
    /// </summary>
    public static TextOp Transform(TextOp op, TextOp other, Side side)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(other);
        if (side is not (Side.Left or Side.Right))
        {
            throw new ArgumentOutOfRangeException(nameof(side));
        }

        if (other.IsNoop)
        {
            return op;
        }

        var reader = new OpReader(op.Parts);
        var result = new OpBuilder(op.Parts.Length + 2);
        foreach (var c2 in other.Parts)
        {
            switch (c2.Kind)
            {
                case OpComponentKind.Retain:
                    // Inserts of op inside the retained stretch stay and take no room in it.
                    for (var length = c2.Length; length > 0;)
                    {
                        var c1 = reader.Take(length, OpComponentKind.Insert);
                        result.Append(c1);
                        if (c1.Kind != OpComponentKind.Insert)
                        {
                            length -= c1.Length;
                        }
                    }

                    break;

                case OpComponentKind.Insert:
                    if (side == Side.Left && reader.PeekKind == OpComponentKind.Insert)
                    {
                        reader.TryTakeRest(out var first);
                        result.Append(first);
                    }

                    result.Append(OpComponent.Retain(c2.Length));
                    break;

                default:
                    // What other deletes is gone: op's retains and deletes there fall away, its inserts stay.
                    for (var length = c2.Length; length > 0;)
                    {
                        var c1 = reader.Take(length, OpComponentKind.Insert);
                        if (c1.Kind == OpComponentKind.Insert)
                        {
                            result.Append(c1);
                        }
                        else
                        {
                            length -= c1.Length;
                        }
                    }

                    break;
            }
        }

        while (reader.TryTakeRest(out var rest))
        {
            result.Append(rest);
        }

        return result.Build();
    }

    /// <summary>One op with the effect of <paramref name="first"/> followed by <paramref name="second"/>.</summary>
    public static TextOp Compose(TextOp first, TextOp second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (second.IsNoop)
        {
            return first;
        }

        var reader = new OpReader(first.Parts);
        var result = new OpBuilder(first.Parts.Length + second.Parts.Length);
        foreach (var c2 in second.Parts)
        {
            switch (c2.Kind)
            {
                case OpComponentKind.Retain:
                    // first's deletes take no room in the document second sees.
                    for (var length = c2.Length; length > 0;)
                    {
                        var chunk = reader.Take(length, OpComponentKind.Delete);
                        result.Append(chunk);
                        if (chunk.Kind != OpComponentKind.Delete)
                        {
                            length -= chunk.Length;
                        }
                    }

                    break;

                case OpComponentKind.Insert:
                    result.Append(c2);
                    break;

                default:
                    // offset counts code points of c2 done; charOffset the same in chars of its text, if any.
                    for (int offset = 0, charOffset = 0; offset < c2.Length;)
                    {
                        var chunk = reader.Take(c2.Length - offset, OpComponentKind.Delete);
                        switch (chunk.Kind)
                        {
                            case OpComponentKind.Retain:
                                // second deletes text first kept: delete it from the original.
                                string? text = null;
                                if (c2.Text is not null)
                                {
                                    var end = CodePoints.CharIndex(c2.Text, chunk.Length, charOffset);
                                    text = c2.Text[charOffset..end];
                                    charOffset = end;
                                }

                                result.Append(new OpComponent(OpComponentKind.Delete, chunk.Length, text));
                                offset += chunk.Length;
                                break;

                            case OpComponentKind.Insert:
                                // second deletes what first inserted: the two cancel.
                                if (c2.Text is not null)
                                {
                                    charOffset = CodePoints.CharIndex(c2.Text, chunk.Length, charOffset);
                                }

                                offset += chunk.Length;
                                break;

                            default:
                                result.Append(chunk);
                                break;
                        }
                    }

                    break;
            }
        }

        while (reader.TryTakeRest(out var rest))
        {
            result.Append(rest);
        }

        return result.Build();
    }

    /// <summary>
    /// Where a cursor at code point <paramref name="cursor"/> is after <paramref name="op"/>. An insert exactly at
    /// the cursor leaves it before the inserted text; a delete around it pulls it to the start of the deletion.
    /// </summary>
    public static int TransformPosition(int cursor, TextOp op)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cursor);
        ArgumentNullException.ThrowIfNull(op);
        var pos = 0;
        var parts = op.Parts;
        for (var i = 0; i < parts.Length && cursor > pos; i++)
        {
            var c = parts[i];
            switch (c.Kind)
            {
                case OpComponentKind.Retain:
                    pos += c.Length;
                    break;
                case OpComponentKind.Insert:
                    pos += c.Length;
                    cursor += c.Length;
                    break;
                default:
                    cursor -= Math.Min(c.Length, cursor - pos);
                    break;
            }
        }

        return cursor;
    }

    /// <summary>Both ends of a selection moved by <see cref="TransformPosition"/>.</summary>
    public static (int Anchor, int Head) TransformSelection(int anchor, int head, TextOp op) =>
        (TransformPosition(anchor, op), TransformPosition(head, op));

    /// <summary>Null when <paramref name="op"/> fits a document of <paramref name="documentLength"/> code points; otherwise why not.</summary>
    /// <remarks>Deleted text is not compared: use <see cref="Check(TextOp, string)"/> for that.</remarks>
    public static string? Check(TextOp op, int documentLength)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentOutOfRangeException.ThrowIfNegative(documentLength);
        return op.InputLength <= documentLength ? null : OpRejection.TooLong(op.InputLength, documentLength);
    }

    /// <summary>Null when <paramref name="op"/> applies to <paramref name="document"/>, deleted text included; otherwise why not.</summary>
    public static string? Check(TextOp op, string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Check(op, CodePoints.Count(document)) ?? Walk(document, op, null);
    }

    /// <summary>The document after <paramref name="op"/>.</summary>
    /// <exception cref="OpRejectedException">The op reaches past the end of the document, or deletes text it does not hold.</exception>
    public static string Apply(string document, TextOp op)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Check(op, CodePoints.Count(document)) is { } tooLong)
        {
            throw new OpRejectedException(tooLong);
        }

        if (op.IsNoop)
        {
            return document;
        }

        var output = new StringBuilder(document.Length + Math.Max(0, 2 * op.LengthChange));
        return Walk(document, op, output) is { } problem
            ? throw new OpRejectedException(problem)
            : output.ToString();
    }

    /// <summary>
    /// Steps through a document long enough for <paramref name="op"/>, checking deleted text and, when
    /// <paramref name="output"/> is given, writing the result; returns the first mismatch.
    /// </summary>
    private static string? Walk(string document, TextOp op, StringBuilder? output)
    {
        var at = 0;       // char index in document
        var position = 0; // the same in code points
        foreach (var c in op.Parts)
        {
            switch (c.Kind)
            {
                case OpComponentKind.Retain:
                    var end = CodePoints.CharIndex(document, c.Length, at);
                    output?.Append(document, at, end - at);
                    at = end;
                    break;

                case OpComponentKind.Insert:
                    output?.Append(c.Text);
                    continue; // position counts the original document only

                default:
                    if (c.Text is null)
                    {
                        at = CodePoints.CharIndex(document, c.Length, at);
                    }
                    else if (at + c.Text.Length <= document.Length && document.AsSpan(at, c.Text.Length).SequenceEqual(c.Text))
                    {
                        at += c.Text.Length;
                    }
                    else
                    {
                        var found = document[at..CodePoints.CharIndex(document, c.Length, at)];
                        return OpRejection.DeleteMismatch(position, c.Text, found);
                    }

                    break;
            }

            position += c.Length;
        }

        output?.Append(document, at, document.Length - at);
        return null;
    }
}

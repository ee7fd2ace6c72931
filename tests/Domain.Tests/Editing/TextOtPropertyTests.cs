using System.Text;
using Quorum.Domain.Editing;

namespace Quorum.Domain.Tests.Editing;

/// <summary>On thousands of seeded random documents and ops, transform converges (TP1), compose equals applying in turn, and cursors follow the text.
/// (Transforming over a composition need not equal transforming over its parts when inserts tie; the server and
/// the clients only ever transform step by step, so nothing relies on it.)</summary>
public sealed class TextOtPropertyTests
{
    private const int Cases = 5_000;

    [Fact]
    public void Concurrent_ops_converge_whichever_is_applied_first()
    {
        var random = new Random(20240601);
        for (var i = 0; i < Cases; i++)
        {
            var document = RandomEdits.Text(random, 0, 30);
            var a = RandomEdits.Op(random, document);
            var b = RandomEdits.Op(random, document);

            var aThenB = TextOt.Apply(TextOt.Apply(document, a), TextOt.Transform(b, a, Side.Right));
            var bThenA = TextOt.Apply(TextOt.Apply(document, b), TextOt.Transform(a, b, Side.Left));

            Assert.True(aThenB == bThenA, $"case {i}: document \"{document}\", a {a}, b {b}: \"{aThenB}\" vs \"{bThenA}\"");
        }
    }

    [Fact]
    public void Applying_a_composition_equals_applying_its_parts_in_turn()
    {
        var random = new Random(7);
        for (var i = 0; i < Cases; i++)
        {
            var document = RandomEdits.Text(random, 0, 30);
            var a = RandomEdits.Op(random, document);
            var afterA = TextOt.Apply(document, a);
            var b = RandomEdits.Op(random, afterA);

            var composed = TextOt.Compose(a, b);

            Assert.True(TextOt.Apply(document, composed) == TextOt.Apply(afterA, b), $"case {i}: document \"{document}\", a {a}, b {b}, composed {composed}");
        }
    }

    [Fact]
    public void A_transformed_cursor_stays_in_the_document_after_the_text_it_was_after()
    {
        var random = new Random(3);
        for (var i = 0; i < Cases; i++)
        {
            var document = RandomEdits.Text(random, 0, 30);
            var op = RandomEdits.Op(random, document);
            var cursor = RandomEdits.Position(random, document);

            var moved = TextOt.TransformPosition(cursor, op);

            var expected = Expected(cursor, op);
            var length = CodePoints.Count(TextOt.Apply(document, op));
            Assert.True(moved == expected && moved >= 0 && moved <= length, $"case {i}: cursor {cursor} in \"{document}\", op {op}: {moved}, expected {expected} (new length {length})");
        }
    }

    [Theory]
    [InlineData(3, "[3,\"ab\"]", 3)]        // an insert at the cursor leaves it before the text
    [InlineData(3, "[2,\"ab\"]", 5)]        // an insert before it pushes it on
    [InlineData(0, "[\"😅\"]", 0)]          // at the very start too
    [InlineData(3, "[\"😅\"]", 4)]          // an insert at the start is before a cursor further on
    [InlineData(3, "[1,{\"d\":5}]", 1)]     // a delete around it pulls it to the deletion's start
    [InlineData(3, "[{\"d\":1},\"😅🤖\"]", 4)]
    [InlineData(0, "[{\"d\":1}]", 0)]
    public void Cursor_examples(int cursor, string op, int expected)
    {
        Assert.Equal(expected, TextOt.TransformPosition(cursor, Parse(op)));
    }

    [Fact]
    public void A_selection_moves_both_ends()
    {
        Assert.Equal((Anchor: 1, Head: 6), TextOt.TransformSelection(2, 5, Parse("[{\"d\":1},1,\"😅🤖\"]")));
    }

    /// <summary>
    /// The cursor model written independently: it follows every surviving character that was before it and every
    /// insert made strictly before it (at fewer original characters than the cursor).
    /// </summary>
    private static int Expected(int cursor, TextOp op)
    {
        int consumed = 0, result = 0;
        foreach (var c in op.Components)
        {
            switch (c.Kind)
            {
                case OpComponentKind.Retain:
                    result += Math.Max(0, Math.Min(consumed + c.Length, cursor) - consumed);
                    consumed += c.Length;
                    break;
                case OpComponentKind.Insert:
                    result += consumed < cursor ? c.Length : 0;
                    break;
                default:
                    consumed += c.Length;
                    break;
            }
        }

        return result + Math.Max(0, cursor - consumed);
    }

    private static TextOp Parse(string json) =>
        TextOpJson.TryParse(json, out var op, out var error) ? op : throw new InvalidDataException(error);
}

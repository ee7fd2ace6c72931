using System.Text;
using Quorum.Domain.Editing;

namespace Quorum.Domain.Tests.Editing;

/// <summary>Random documents and ops that fit them, rich in characters outside the Basic Multilingual Plane.</summary>
internal static class RandomEdits
{
    // Code points of one, two and (as UTF-16) two chars: ASCII, Latin, CJK, emoji, musical and CJK extension B.
    private static readonly string[] Alphabet = ["a", "b", "c", " ", "\n", "é", "中", "😅", "🤖", "👻", "🤟", "💃", "𝄞", "𠜎"];

    public static string Text(Random random, int minCodePoints, int maxCodePoints)
    {
        var length = random.Next(minCodePoints, maxCodePoints + 1);
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }

    /// <summary>A random op that applies to <paramref name="document"/>; deletes carry their text half of the time.</summary>
    public static TextOp Op(Random random, string document)
    {
        var codePoints = document.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var components = new List<OpComponent>();
        var at = 0;
        var steps = random.Next(0, 6);
        for (var step = 0; step < steps; step++)
        {
            var left = codePoints.Length - at;
            switch (random.Next(3))
            {
                case 0 when left > 0:
                    var kept = random.Next(1, left + 1);
                    components.Add(OpComponent.Retain(kept));
                    at += kept;
                    break;
                case 1 when left > 0:
                    var deleted = random.Next(1, Math.Min(left, 8) + 1);
                    components.Add(random.Next(2) == 0
                        ? OpComponent.Delete(deleted)
                        : OpComponent.Delete(string.Concat(codePoints.AsSpan(at, deleted))));
                    at += deleted;
                    break;
                default:
                    components.Add(OpComponent.Insert(Text(random, 1, 6)));
                    break;
            }
        }

        return TextOp.From(components);
    }

    /// <summary>A cursor anywhere in <paramref name="document"/>, ends included.</summary>
    public static int Position(Random random, string document) => random.Next(CodePoints.Count(document) + 1);
}

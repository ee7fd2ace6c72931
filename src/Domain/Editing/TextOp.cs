using System.Collections.ObjectModel;
using System.Text.Json.Serialization;

namespace Quorum.Domain.Editing;

/// <summary>
/// An edit to a plain text in the ot-text-unicode (ShareDB "text-unicode") format: retains, inserts and deletes
/// measured in code points, always normalised (no empty components, no two neighbours of one kind, no trailing
/// retain). Immutable. Two ops are equal when their JSON is equal, so a delete that carries its text differs
/// from one that only counts: the text is part of what the op says (it is checked when applied).
/// </summary>
[JsonConverter(typeof(TextOpJsonConverter))]
public sealed class TextOp : IEquatable<TextOp>
{
    private readonly OpComponent[] parts;

    /// <summary>The op that changes nothing.</summary>
    public static TextOp Empty { get; } = new([]);

    /// <summary>Trusts the caller (<see cref="OpBuilder"/>) that <paramref name="normalised"/> is normalised and valid.</summary>
    internal TextOp(OpComponent[] normalised)
    {
        parts = normalised;
        Components = Array.AsReadOnly(normalised);
        long input = 0, change = 0;
        foreach (var c in normalised)
        {
            switch (c.Kind)
            {
                case OpComponentKind.Retain:
                    input += c.Length;
                    break;
                case OpComponentKind.Insert:
                    change += c.Length;
                    break;
                default:
                    input += c.Length;
                    change -= c.Length;
                    HasDeletedText |= c.Text is not null;
                    break;
            }
        }

        if (input > int.MaxValue || change is > int.MaxValue or < int.MinValue)
        {
            throw new ArgumentException($"The op spans more than {int.MaxValue} code points.");
        }

        InputLength = (int)input;
        LengthChange = (int)change;
    }

    public IReadOnlyList<OpComponent> Components { get; }

    public bool IsNoop => parts.Length == 0;

    /// <summary>Code points of the document the op reads (retains and deletes): the document must be at least this long.</summary>
    public int InputLength { get; }

    /// <summary>Code points inserted minus code points deleted.</summary>
    public int LengthChange { get; }

    /// <summary>True when some delete carries the text it removes.</summary>
    internal bool HasDeletedText { get; }

    /// <summary>The components as stored, for the algorithms in this namespace (never handed out).</summary>
    internal OpComponent[] Parts => parts;

    /// <summary>Normalises <paramref name="components"/> into an op.</summary>
    /// <exception cref="ArgumentException">A length is negative, a text is missing, has a lone surrogate or does not match its length, or the kind is unknown.</exception>
    public static TextOp From(IEnumerable<OpComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var builder = new OpBuilder(components.TryGetNonEnumeratedCount(out var n) ? n : 4);
        var i = 0;
        foreach (var c in components)
        {
            builder.Append(Checked(c, i++));
        }

        return builder.Build();
    }

    /// <inheritdoc cref="From(IEnumerable{OpComponent})"/>
    public static TextOp From(params ReadOnlySpan<OpComponent> components)
    {
        var builder = new OpBuilder(components.Length);
        for (var i = 0; i < components.Length; i++)
        {
            builder.Append(Checked(components[i], i));
        }

        return builder.Build();
    }

    /// <summary>The same op with every delete reduced to its length (it no longer checks what it removes).</summary>
    public TextOp WithoutDeletedText()
    {
        if (!HasDeletedText)
        {
            return this;
        }

        var copy = (OpComponent[])parts.Clone();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i].Kind == OpComponentKind.Delete)
            {
                copy[i] = copy[i] with { Text = null };
            }
        }

        return new TextOp(copy);
    }

    public bool Equals(TextOp? other) =>
        other is not null && (ReferenceEquals(this, other) || parts.AsSpan().SequenceEqual(other.parts));

    public override bool Equals(object? obj) => Equals(obj as TextOp);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in parts)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    /// <summary>The op as ot-text-unicode JSON, e.g. <c>[3,"hi",{"d":2}]</c>.</summary>
    public override string ToString() => TextOpJson.Write(this);

    private static OpComponent Checked(OpComponent c, int index)
    {
        if (c.Length < 0)
        {
            throw new ArgumentException($"The component at index {index} has a negative length ({c.Length}).", nameof(c));
        }

        switch (c.Kind)
        {
            case OpComponentKind.Retain:
                if (c.Text is not null)
                {
                    throw new ArgumentException($"The component at index {index} is a retain but carries text.", nameof(c));
                }

                return c;

            case OpComponentKind.Insert when c.Text is null:
                throw new ArgumentException($"The component at index {index} is an insert without text.", nameof(c));

            case OpComponentKind.Insert or OpComponentKind.Delete:
                if (c.Text is not null)
                {
                    if (CodePoints.FirstLoneSurrogate(c.Text) is var bad and >= 0)
                    {
                        throw new ArgumentException($"The component at index {index} has a lone surrogate at char {bad}; it is not valid Unicode.", nameof(c));
                    }

                    if (CodePoints.Count(c.Text) != c.Length)
                    {
                        throw new ArgumentException($"The component at index {index} says it is {c.Length} code points long but its text has {CodePoints.Count(c.Text)}.", nameof(c));
                    }
                }

                return c;

            default:
                throw new ArgumentException($"The component at index {index} is of unknown kind {(int)c.Kind}.", nameof(c));
        }
    }
}

using System.Text;

namespace Quorum.Domain.Editing;

/// <summary>
/// Builds a normalised op the way ot-text-unicode's append does: empty components are skipped, a component of the
/// same kind as the last is merged into it, and <see cref="Build"/> drops a trailing retain.
/// </summary>
internal sealed class OpBuilder
{
    private readonly List<OpComponent> parts;

    // Text of the last component while it is being merged into, so that many small inserts (or text deletes)
    // in a row cost linear, not quadratic, time.
    private StringBuilder? pendingText;

    public OpBuilder(int capacity = 4) => parts = new List<OpComponent>(capacity);

    public void Append(OpComponent c)
    {
        if (c.Length == 0)
        {
            return;
        }

        if (parts.Count == 0 || parts[^1].Kind != c.Kind)
        {
            Flush();
            parts.Add(c);
            return;
        }

        var last = parts[^1];
        var length = checked(last.Length + c.Length);
        if (c.Kind == OpComponentKind.Retain || last.Text is null || c.Text is null)
        {
            // Retains add up; a delete loses its text once any part of it has none (as in ot-text-unicode).
            Flush();
            parts[^1] = new OpComponent(c.Kind, length, null);
            return;
        }

        pendingText ??= new StringBuilder(last.Text, Math.Max(16, 2 * (last.Text.Length + c.Text.Length)));
        pendingText.Append(c.Text);
        parts[^1] = new OpComponent(c.Kind, length, last.Text);
    }

    public TextOp Build()
    {
        Flush();
        if (parts.Count > 0 && parts[^1].Kind == OpComponentKind.Retain)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts.Count == 0 ? TextOp.Empty : new TextOp([.. parts]);
    }

    private void Flush()
    {
        if (pendingText is not null)
        {
            parts[^1] = parts[^1] with { Text = pendingText.ToString() };
            pendingText = null;
        }
    }
}

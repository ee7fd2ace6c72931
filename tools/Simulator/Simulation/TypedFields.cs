using System.Collections.Concurrent;

namespace Quorum.Simulator.Simulation;

/// <summary>
/// A text field as a tab left it: every op acknowledged, the text checked against the server's at that revision.
/// <see cref="Locked"/> when the tab stopped because the item's text was locked: the text is then the server's.
/// </summary>
public sealed record TypedField(Guid ItemId, string Field, int Revision, string Text)
{
    public bool Locked { get; init; }
}

/// <summary>
/// The fields the simulated people typed into, each as the tab that saw it last left it (the highest revision):
/// once everyone has stopped, that is the server's text, which a test can check.
/// </summary>
public sealed class TypedFields
{
    private readonly ConcurrentDictionary<(Guid ItemId, string Field), TypedField> _latest = new();

    public void Record(TypedField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        _latest.AddOrUpdate((field.ItemId, field.Field), field, (_, known) => field.Revision > known.Revision ? field : known);
    }

    public IReadOnlyList<TypedField> Snapshot() =>
        [.. _latest.Values.OrderBy(f => f.ItemId).ThenBy(f => f.Field, StringComparer.Ordinal)];
}

namespace Quorum.Grains.Editing;

/// <summary>
/// A field's text at one revision, written every few hundred edits and on deactivation. The edit journal holds
/// every edit; the snapshot only shortens the replay when the field activates.
/// </summary>
[GenerateSerializer]
public sealed class FieldSnapshot
{
    [Id(0)] public Guid PanelId { get; set; }
    [Id(1)] public string Text { get; set; } = string.Empty;
    [Id(2)] public int Revision { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Why edits are refused (the item is in review, agreed, final or withdrawn); null while editable.</summary>
    [Id(4)] public string? Locked { get; set; }
}

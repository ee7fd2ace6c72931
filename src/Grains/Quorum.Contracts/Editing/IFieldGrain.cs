using Quorum.Contracts.Common;
using Quorum.Contracts.Items;
using Quorum.Domain.Editing;

namespace Quorum.Contracts.Editing;

/// <summary>
/// One text field of one item (key: the item's id and the field's name, e.g. "stem" or "option2"), edited by
/// many people at once with operational transform. The grain is the authority: it orders the ops, transforms
/// late ones, and acknowledges an op only once the edit journal has it on disk.
/// </summary>
[Alias("Quorum.IFieldGrain")]
public interface IFieldGrain : IGrainWithGuidCompoundKey
{
    /// <summary>Called once by the item that owns the field, with its first text (revision 1 when not empty).</summary>
    [Alias("Initialize")]
    Task<FieldState> Initialize(FieldInit init);

    /// <summary>The text and revision, for the item grain (no rights check: the caller is the owning item).</summary>
    [Alias("Peek")]
    Task<FieldState?> Peek();

    [Alias("Open")]
    Task<Outcome<FieldState>> Open(Guid caller);

    /// <summary>Transforms, applies and durably records one op; the ack carries the revision it produced.</summary>
    [Alias("Edit")]
    Task<Outcome<EditAck>> Edit(Guid caller, FieldEdit edit);

    /// <summary>
    /// What a client at <paramref name="fromRevision"/> missed: the edits since, or, when it is too far behind,
    /// the current text with the last of its own ops the field has applied.
    /// </summary>
    [Alias("Sync")]
    Task<Outcome<FieldSync>> Sync(Guid caller, string clientId, int fromRevision);

    /// <summary>Locks the text against edits (with the reason edits are refused) or, with null, unlocks it; called by the owning item.</summary>
    [Alias("SetLock")]
    Task SetLock(string? reason);

    /// <summary>The field's text as it was at <paramref name="revision"/>, rebuilt from the journal.</summary>
    [Alias("TextAt")]
    Task<Outcome<FieldState>> TextAt(Guid caller, int revision);
}

[GenerateSerializer, Immutable, Alias("Quorum.FieldInit")]
public sealed record FieldInit(
    [property: Id(0)] Guid PanelId,
    [property: Id(1)] Guid AuthorId,
    [property: Id(2)] string AuthorName,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] string? Locked = null);

/// <summary>An op a client sends: against <paramref name="BaseRevision"/>, numbered by its tab.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.FieldEdit")]
public sealed record FieldEdit(
    [property: Id(0)] string ClientId,
    [property: Id(1)] long ClientSeq,
    [property: Id(2)] int BaseRevision,
    [property: Id(3)] TextOp Op);

/// <summary>The op is on disk at <paramref name="Revision"/>; <paramref name="Duplicate"/> when it had been applied before (a resend).</summary>
[GenerateSerializer, Immutable, Alias("Quorum.EditAck")]
public sealed record EditAck(
    [property: Id(0)] int Revision,
    [property: Id(1)] bool Duplicate);

/// <summary>One applied edit as clients see it.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.EditView")]
public sealed record EditView(
    [property: Id(0)] int Revision,
    [property: Id(1)] TextOp Op,
    [property: Id(2)] string ClientId,
    [property: Id(3)] long ClientSeq,
    [property: Id(4)] Guid AuthorId,
    [property: Id(5)] DateTimeOffset At);

/// <summary>Edits to one field, pushed to everyone viewing its item once they are durable, a commit's worth at a time.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.FieldEdits")]
public sealed record FieldEdits(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] string Field,
    [property: Id(2)] IReadOnlyList<EditView> Edits);

/// <summary>
/// A catch-up: either <paramref name="Edits"/> since the client's revision, or (when it was too far behind)
/// <paramref name="Text"/> at <paramref name="Revision"/>, with <paramref name="LastClientSeq"/>, the last op of
/// the asking tab that the field applied, so that the tab drops what is already in and rebases the rest.
/// </summary>
[GenerateSerializer, Immutable, Alias("Quorum.FieldSync")]
public sealed record FieldSync(
    [property: Id(0)] Guid ItemId,
    [property: Id(1)] string Field,
    [property: Id(2)] int Revision,
    [property: Id(3)] IReadOnlyList<EditView>? Edits,
    [property: Id(4)] string? Text,
    [property: Id(5)] long? LastClientSeq);

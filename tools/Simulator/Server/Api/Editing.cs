using Quorum.Domain.Editing;

namespace Quorum.Simulator.Server.Api;

// Character-level editing of text fields (docs/api.md, "Editing"). Ops travel as text-unicode JSON through
// TextOp's own converter.

/// <summary>The op is on disk at <see cref="Revision"/>; <see cref="Duplicate"/> when a resend had been applied before.</summary>
public sealed record EditAck(int Revision, bool Duplicate);

/// <summary>An op exactly as the field applied it at <see cref="Revision"/>; a tab knows its own by client id and sequence number.</summary>
public sealed record EditView(int Revision, TextOp Op, string ClientId, long ClientSeq, Guid AuthorId, DateTimeOffset At)
{
    public AppliedEdit ToApplied() => new(Revision, Op, AuthorId, ClientId, ClientSeq, At);
}

/// <summary><c>fieldEdits</c>: durable edits to one field, a commit's worth at a time.</summary>
public sealed record FieldEdits(Guid ItemId, string Field, IReadOnlyList<EditView> Edits);

/// <summary>
/// What a tab at some revision missed: the <see cref="Edits"/> since, or, when it is more than 5,000 edits
/// behind, the <see cref="Text"/> at <see cref="Revision"/> and the last of the tab's own ops that made it in.
/// </summary>
public sealed record FieldSync(Guid ItemId, string Field, int Revision, IReadOnlyList<EditView>? Edits, string? Text, long? LastClientSeq);

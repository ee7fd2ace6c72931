namespace Quorum.Storage.Tests.TestGrains;

/// <summary>What a note grain reports about its state, including whether storage holds a record.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.Storage.Tests.NoteView")]
public sealed record NoteView([property: Id(0)] string Text, [property: Id(1)] int Edits, [property: Id(2)] bool RecordExists);

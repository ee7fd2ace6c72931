namespace Quorum.Storage.Tests.TestGrains;

/// <summary>A small persisted state, shaped like the product's: an immutable record with ids on its members.</summary>
[GenerateSerializer, Immutable, Alias("Quorum.Storage.Tests.NoteState")]
public sealed record NoteState
{
    [Id(0)] public string Text { get; init; } = "";

    [Id(1)] public int Edits { get; init; }
}

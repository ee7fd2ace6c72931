namespace Quorum.Storage.Tests.TestGrains;

/// <summary>A grain whose only job is to keep a note in Quorum's storage.</summary>
[Alias("Quorum.Storage.Tests.INoteGrain")]
public interface INoteGrain : IGrainWithStringKey
{
    [Alias("Read")]
    Task<NoteView> Read();

    [Alias("Write")]
    Task Write(string text);

    [Alias("Clear")]
    Task Clear();

    [Alias("Deactivate")]
    Task Deactivate();
}

namespace Quorum.Storage.Tests.TestGrains;

/// <summary>A note grain whose state names no storage provider, so it gets the default one.</summary>
[Alias("Quorum.Storage.Tests.IUnnamedStoreNoteGrain")]
public interface IUnnamedStoreNoteGrain : IGrainWithStringKey
{
    [Alias("Read")]
    Task<string> Read();

    [Alias("Write")]
    Task Write(string text);
}

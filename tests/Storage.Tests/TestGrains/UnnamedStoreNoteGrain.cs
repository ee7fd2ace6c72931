using Orleans.Runtime;

namespace Quorum.Storage.Tests.TestGrains;

/// <summary>Relies on Quorum's storage being registered as the default provider too.</summary>
public sealed class UnnamedStoreNoteGrain([PersistentState("note")] IPersistentState<NoteState> note)
    : Grain, IUnnamedStoreNoteGrain
{
    public Task<string> Read() => Task.FromResult(note.State.Text);

    public async Task Write(string text)
    {
        note.State = note.State with { Text = text };
        await note.WriteStateAsync();
    }
}

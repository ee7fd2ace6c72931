using Orleans.Runtime;

namespace Quorum.Storage.Tests.TestGrains;

/// <summary>Keeps its note in the provider named <see cref="QuorumStorage.ProviderName"/>.</summary>
public sealed class NoteGrain([PersistentState("note", QuorumStorage.ProviderName)] IPersistentState<NoteState> note)
    : Grain, INoteGrain
{
    public Task<NoteView> Read() => Task.FromResult(new NoteView(note.State.Text, note.State.Edits, note.RecordExists));

    public async Task Write(string text)
    {
        note.State = note.State with { Text = text, Edits = note.State.Edits + 1 };
        await note.WriteStateAsync();
    }

    public Task Clear() => note.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Quorum.Storage.Tests.Databases;
using Quorum.Storage.Tests.Hosting;
using Quorum.Storage.Tests.TestGrains;

namespace Quorum.Storage.Tests;

/// <summary>
/// The grain storage contract every backend must keep: state written through Quorum's provider survives
/// deactivation and a silo restart, and a write or clear that carries a stale version (ETag) changes
/// nothing in the database and fails with <see cref="InconsistentStateException"/>.
/// Each test gets a fresh database and silo of its own.
/// </summary>
public abstract class GrainStorageContract(ITestDatabases databases)
{
    // The state name and grain type the provider is driven with directly; any names work.
    private const string StateName = "note";
    private const string NoteType = "storage-test-note";

    [Fact]
    public async Task State_written_by_a_grain_is_read_back_after_deactivation_and_on_a_fresh_silo()
    {
        var settings = await databases.CreateAsync();
        var key = NewKey();

        await using (var silo = await TestSilo.StartAsync(settings))
        {
            var grain = silo.Grains.GetGrain<INoteGrain>(key);
            await grain.Write("first draft");
            await grain.Write("agreed wording");
            await grain.Deactivate();

            // The next call activates anew, so this reads storage rather than memory.
            Assert.Equal(new NoteView("agreed wording", 2, RecordExists: true), await grain.Read());
            Assert.Empty(silo.Errors);
        }

        await using (var restarted = await TestSilo.StartAsync(settings))
        {
            Assert.Equal(new NoteView("agreed wording", 2, RecordExists: true), await restarted.Grains.GetGrain<INoteGrain>(key).Read());
            Assert.Empty(restarted.Errors);
        }
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_leaves_the_row_unchanged()
    {
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var key = NewKey();
        var id = GrainId.Create(NoteType, key);

        var current = new GrainState<NoteState>(new NoteState { Text = "v1", Edits = 1 });
        await silo.Storage.WriteStateAsync(StateName, id, current);
        Assert.Equal("1", current.ETag);
        var stale = new GrainState<NoteState>(current.State, current.ETag) { RecordExists = true };

        current.State = new NoteState { Text = "v2", Edits = 2 };
        await silo.Storage.WriteStateAsync(StateName, id, current);
        Assert.Equal("2", current.ETag);
        var before = await RowAsync(settings, id);
        Assert.Equal(2, before?.Version);

        stale.State = new NoteState { Text = "lost update", Edits = 2 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.WriteStateAsync(StateName, id, stale));

        Assert.Equal(before, await RowAsync(settings, id));
        Assert.Equal("1", stale.ETag); // the refused caller keeps its version; it must re-read
        var reread = new GrainState<NoteState>();
        await silo.Storage.ReadStateAsync(StateName, id, reread);
        Assert.Equal(new NoteState { Text = "v2", Edits = 2 }, reread.State);
        Assert.Equal("2", reread.ETag);
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task A_first_write_without_etag_is_refused_when_another_activation_already_wrote()
    {
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var key = NewKey();
        var id = GrainId.Create(NoteType, key);

        // Two activations that both read "no record" (a duplicate activation); the second to write must lose.
        var first = new GrainState<NoteState>(new NoteState { Text = "first" });
        var second = new GrainState<NoteState>(new NoteState { Text = "second" });
        await silo.Storage.WriteStateAsync(StateName, id, first);
        var before = await RowAsync(settings, id);

        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.WriteStateAsync(StateName, id, second));

        Assert.Equal(1, before?.Version);
        Assert.Equal(before, await RowAsync(settings, id));
        Assert.Equal(1, await databases.CountRowsAsync(settings));
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task Of_concurrent_writes_from_one_version_exactly_one_succeeds()
    {
        const int Writers = 8;
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var key = NewKey();
        var id = GrainId.Create(NoteType, key);
        var start = new GrainState<NoteState>(new NoteState { Text = "start" });
        await silo.Storage.WriteStateAsync(StateName, id, start);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async writer =>
        {
            var copy = new GrainState<NoteState>(new NoteState { Text = $"writer {writer}" }, start.ETag) { RecordExists = true };
            try
            {
                await Task.Run(() => silo.Storage.WriteStateAsync(StateName, id, copy));
                return copy.State!.Text;
            }
            catch (InconsistentStateException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, outcome => outcome is not null);
        Assert.Equal(Writers - 1, outcomes.Count(outcome => outcome is null));
        var stored = new GrainState<NoteState>();
        await silo.Storage.ReadStateAsync(StateName, id, stored);
        Assert.Equal(winner, stored.State?.Text);
        Assert.Equal("2", stored.ETag);
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task Clear_empties_the_state_keeps_versioning_and_refuses_a_stale_clear()
    {
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var key = NewKey();
        var id = GrainId.Create(NoteType, key);
        var state = new GrainState<NoteState>(new NoteState { Text = "to be withdrawn", Edits = 1 });
        await silo.Storage.WriteStateAsync(StateName, id, state);
        var stale = new GrainState<NoteState>(state.State, state.ETag) { RecordExists = true };

        await silo.Storage.ClearStateAsync(StateName, id, state);

        Assert.False(state.RecordExists);
        Assert.Equal("2", state.ETag);
        Assert.Equal(new NoteState(), state.State);
        Assert.Equal(new StoredRow(2, Payload: null), await RowAsync(settings, id));

        var reread = new GrainState<NoteState>();
        await silo.Storage.ReadStateAsync(StateName, id, reread);
        Assert.False(reread.RecordExists);
        Assert.Equal("2", reread.ETag);
        Assert.Equal(new NoteState(), reread.State);

        // The version from before the clear is stale for a clear and for a write alike.
        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.ClearStateAsync(StateName, id, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.WriteStateAsync(StateName, id, stale));
        Assert.Equal(new StoredRow(2, Payload: null), await RowAsync(settings, id));

        // The current holder writes on after the clear.
        state.State = new NoteState { Text = "reinstated", Edits = 1 };
        await silo.Storage.WriteStateAsync(StateName, id, state);
        Assert.Equal("3", state.ETag);
        Assert.True(state.RecordExists);
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task A_grain_clears_its_state_and_a_fresh_activation_finds_none()
    {
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var grain = silo.Grains.GetGrain<INoteGrain>(NewKey());
        await grain.Write("withdrawn later");

        await grain.Clear();
        await grain.Deactivate();

        Assert.Equal(new NoteView("", 0, RecordExists: false), await grain.Read());
        await grain.Write("new start");
        await grain.Deactivate();
        Assert.Equal(new NoteView("new start", 1, RecordExists: true), await grain.Read());
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task A_grain_that_names_no_provider_is_stored_by_quorum_storage()
    {
        var settings = await databases.CreateAsync();
        var key = NewKey();
        await using (var silo = await TestSilo.StartAsync(settings))
        {
            await silo.Grains.GetGrain<IUnnamedStoreNoteGrain>(key).Write("kept by the default provider");
            Assert.Same(silo.Storage, silo.Services.GetRequiredKeyedService<IGrainStorage>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        }

        await using var restarted = await TestSilo.StartAsync(settings);
        Assert.Equal("kept by the default provider", await restarted.Grains.GetGrain<IUnnamedStoreNoteGrain>(key).Read());
        Assert.Equal(1, await databases.CountRowsAsync(settings));
        Assert.Empty(restarted.Errors);
    }

    [Fact]
    public async Task States_that_the_bare_adonet_provider_would_conflate_stay_separate()
    {
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var guid = Guid.NewGuid().ToString("N");
        var ids = new[]
        {
            // The same key and state name under two grain types (dotnet/orleans#8746).
            GrainId.Create("panel", guid),
            GrainId.Create("panel-bank", guid),
            // Keys that parse to the same hexadecimal number or Guid (dotnet/orleans#9706).
            GrainId.Create(NoteType, "020235"),
            GrainId.Create(NoteType, "20235"),
            GrainId.Create(NoteType, "abc"),
            GrainId.Create(NoteType, "ABC"),
            GrainId.Create(NoteType, guid),
            GrainId.Create(NoteType, guid.ToUpperInvariant()),
        };
        foreach (var id in ids)
        {
            await silo.Storage.WriteStateAsync(StateName, id, new GrainState<NoteState>(new NoteState { Text = id.ToString() }));
        }

        foreach (var id in ids)
        {
            var read = new GrainState<NoteState>();
            await silo.Storage.ReadStateAsync(StateName, id, read);
            Assert.Equal((id.ToString(), "1"), (read.State?.Text, read.ETag));
        }

        Assert.Equal(ids.Length, await databases.CountRowsAsync(settings));
        // The layout an operator sees: "<grain type>/<state name>" and the key verbatim behind a marker.
        Assert.Equal(1, (await databases.ReadRowAsync(settings, "panel/note", "=" + guid))?.Version);
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task The_schema_keeps_a_missing_and_an_empty_key_extension_apart()
    {
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        // The ADO.NET provider itself, as QuorumGrainStorage drives it. It reads "<32 hex digits>+<ext>" as a
        // Guid key with an extension: no '+' gives no extension (NULL), a bare '+' the empty one.
        var adoNet = silo.Services.GetRequiredKeyedService<IGrainStorage>(QuorumStorage.AdoNetProviderName);
        var guid = Guid.NewGuid().ToString("N");
        var keys = new[] { guid, guid + "+", guid + "+panel" };
        foreach (var key in keys)
        {
            await adoNet.WriteStateAsync(StateName, GrainId.Create(NoteType, key), new GrainState<NoteState>(new NoteState { Text = key }));
        }

        foreach (var key in keys)
        {
            var read = new GrainState<NoteState>();
            await adoNet.ReadStateAsync(StateName, GrainId.Create(NoteType, key), read);
            Assert.Equal((key, "1"), (read.State?.Text, read.ETag));
        }

        Assert.Equal(keys.Length, await databases.CountRowsAsync(settings));
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task Many_grains_writing_at_once_all_succeed()
    {
        const int Grains = 100;
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var keys = Enumerable.Range(0, Grains).Select(_ => NewKey()).ToList();

        await Task.WhenAll(keys.Select(key => silo.Grains.GetGrain<INoteGrain>(key).Write(key)));
        await Task.WhenAll(keys.Select(key => silo.Grains.GetGrain<INoteGrain>(key).Write(key + " revised")));

        Assert.Equal(Grains, await databases.CountRowsAsync(settings));
        var views = await Task.WhenAll(keys.Select(key => silo.Grains.GetGrain<INoteGrain>(key).Read()));
        Assert.Equal(keys.Select(key => new NoteView(key + " revised", 2, true)), views);
        Assert.Empty(silo.Errors);
    }

    private Task<StoredRow?> RowAsync(StorageSettings settings, GrainId id) =>
        databases.ReadRowAsync(settings, StoredGrainIdentity.StateType(StateName, id), StoredGrainIdentity.StoredKey(id));

    // Neither a number nor a Guid, so Orleans keeps it a plain string key (stored as the extension string).
    private static string NewKey() => $"note-{Guid.NewGuid():N}";
}

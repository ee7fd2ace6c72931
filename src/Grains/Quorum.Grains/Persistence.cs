namespace Quorum.Grains;

/// <summary>How grains save: memory never runs ahead of storage.</summary>
internal static class Persistence
{
    /// <summary>
    /// Writes the state; when the write fails (database down, stale ETag from a duplicate activation) the
    /// activation is dropped after this call, so the next call starts from what storage really holds
    /// instead of from unsaved changes in memory.
    /// </summary>
    public static async Task SaveAsync<T>(this IPersistentState<T> state, Action deactivate)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            deactivate();
            throw;
        }
    }
}

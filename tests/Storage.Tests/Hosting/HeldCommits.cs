using Quorum.Storage.Tests.Databases;

namespace Quorum.Storage.Tests.Hosting;

/// <summary>
/// Appends made while the database holds the silo's journal commits back: the writer has taken the first (one or
/// more) into a commit that waits, and everything after queues behind it, so group commit must store them all in
/// one more commit.
/// </summary>
internal static class HeldCommits
{
    /// <summary>Makes the appends while commits are held back, lets them through, and waits for every acknowledgement.</summary>
    public static async Task AppendAllAsync(ITestDatabases databases, StorageSettings settings, TestSilo silo, Func<IEnumerable<Task>> appendAll)
    {
        Task appended;
        await using (await databases.HoldJournalCommitsAsync(settings, silo.Services))
        {
            // AppendAsync queues before it returns, so every append is waiting once this has run.
            appended = Task.WhenAll(appendAll());
            Assert.False(appended.IsCompleted, "An append was acknowledged while the journal's commits were held back.");
        }

        await appended;
    }

    /// <summary>Checks that the appends took the commit held back and at most one more (one by one, it would be one each).</summary>
    public static void AssertShared(int commits, int appends) =>
        Assert.True(commits is 1 or 2, $"{appends} appends made while commits were held back took {commits} commits; expected 1 or 2.");
}

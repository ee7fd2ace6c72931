using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Quorum.Storage.Journals;

namespace Quorum.Storage.Tests;

/// <summary>
/// Group commit keeps one writer: the appends that queue while a commit is under way go together into the next,
/// up to the row limit and never split; each append hears its own outcome (stored, refused, or its commit's
/// failure); shutting down commits what is queued and refuses what comes after.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Appends_queued_while_a_commit_is_under_way_all_share_the_next_commit()
    {
        var store = new GatedStore();
        await using var journal = store.Start();

        var first = journal.AppendAsync(["a"]);
        Assert.Equal([["a"]], await store.NextCommitAsync(1));
        var rest = Enumerable.Range(0, 50).Select(i => journal.AppendAsync([$"b{i}", $"c{i}"])).ToArray();
        store.Let(2);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (IReadOnlyList<string>)[$"b{i}", $"c{i}"]), await store.NextCommitAsync(2));
        await first;
        await Task.WhenAll(rest);
        Assert.Equal(2, journal.Commits);
    }

    [Fact]
    public async Task A_commit_takes_no_further_append_once_it_reaches_the_row_limit_and_never_splits_one()
    {
        var store = new GatedStore();
        await using var journal = store.Start(maxRowsPerCommit: 5);

        var appends = new List<Task> { journal.AppendAsync(["x"]) };
        Assert.Equal([["x"]], await store.NextCommitAsync(1));
        appends.Add(journal.AppendAsync(["a1", "a2"]));
        appends.Add(journal.AppendAsync(["b1", "b2"]));
        appends.Add(journal.AppendAsync(["c1", "c2"]));
        appends.Add(journal.AppendAsync(["d1", "d2", "d3", "d4", "d5", "d6", "d7"]));
        appends.Add(journal.AppendAsync(["e1"]));
        store.Let(4);

        Assert.Equal([["a1", "a2"], ["b1", "b2"], ["c1", "c2"]], await store.NextCommitAsync(2));
        Assert.Equal([["d1", "d2", "d3", "d4", "d5", "d6", "d7"]], await store.NextCommitAsync(3));
        Assert.Equal([["e1"]], await store.NextCommitAsync(4));
        await Task.WhenAll(appends);
        Assert.Equal(4, journal.Commits);
    }

    [Fact]
    public async Task A_refused_append_fails_with_its_refusal_and_the_others_in_its_commit_complete()
    {
        var store = new GatedStore { Refused = rows => rows[0] == "taken" };
        await using var journal = store.Start();

        var before = journal.AppendAsync(["a"]);
        await store.NextCommitAsync(1);
        var stored = journal.AppendAsync(["b"]);
        var refused = journal.AppendAsync(["taken", "c"]);
        var after = journal.AppendAsync(["d"]);
        store.Let(2);

        Assert.Equal([["b"], ["taken", "c"], ["d"]], await store.NextCommitAsync(2));
        Assert.Equal("refused taken", (await Assert.ThrowsAsync<InvalidOperationException>(() => refused)).Message);
        await Task.WhenAll(before, stored, after);
    }

    [Fact]
    public async Task A_failed_commit_fails_each_of_its_appends_and_the_writer_goes_on_with_the_next()
    {
        var store = new GatedStore { Failing = 1 };
        await using var journal = store.Start();

        var lost = journal.AppendAsync(["a"]);
        await store.NextCommitAsync(1);
        store.Let(1);
        Assert.Same(GatedStore.Failure, await Assert.ThrowsAsync<TimeoutException>(() => lost));

        var next = journal.AppendAsync(["b"]);
        Assert.Equal([["b"]], await store.NextCommitAsync(2));
        store.Let(1);
        await next;
    }

    [Fact]
    public async Task Shutting_down_commits_what_is_queued_and_refuses_what_comes_after()
    {
        var store = new GatedStore();
        var journal = store.Start();

        var first = journal.AppendAsync(["a"]);
        await store.NextCommitAsync(1);
        var queued = journal.AppendAsync(["b"]);
        var shutdown = journal.DisposeAsync().AsTask();
        var late = journal.AppendAsync(["c"]);
        store.Let(2);

        Assert.Equal([["b"]], await store.NextCommitAsync(2));
        await Task.WhenAll(first, queued, shutdown);
        Assert.Equal("test journal", (await Assert.ThrowsAsync<ObjectDisposedException>(() => late)).ObjectName);
    }

    /// <summary>A store whose commits each wait for the test to let them through, and tell it what they carry.</summary>
    private sealed class GatedStore
    {
        public static readonly TimeoutException Failure = new("the database did not answer");

        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        private readonly SemaphoreSlim gate = new(0);
        private readonly Channel<IReadOnlyList<IReadOnlyList<string>>> begun = Channel.CreateUnbounded<IReadOnlyList<IReadOnlyList<string>>>();
        private int seenCommits;
        private int begunCommits;

        /// <summary>Which appends the store refuses (their key taken).</summary>
        public Func<IReadOnlyList<string>, bool> Refused { get; init; } = _ => false;

        /// <summary>The number of the commit that fails with <see cref="Failure"/>, or 0.</summary>
        public int Failing { get; init; }

        public GroupCommit<string> Start(int maxRowsPerCommit = GroupCommit<string>.MaxRowsPerCommit) =>
            new(CommitAsync, row => new InvalidOperationException($"refused {row}"), "test journal", NullLogger.Instance, maxRowsPerCommit);

        /// <summary>Waits until the writer has begun commit <paramref name="number"/> (they come in order) and returns its appends.</summary>
        public async Task<IReadOnlyList<IReadOnlyList<string>>> NextCommitAsync(int number)
        {
            Assert.Equal(number, ++seenCommits);
            try
            {
                return await begun.Reader.ReadAsync().AsTask().WaitAsync(Patience);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"The writer did not begin commit {number} within {Patience.TotalSeconds} s; it had begun {number - 1}.");
            }
        }

        /// <summary>Lets that many commits (begun or still to begin) finish.</summary>
        public void Let(int count) => gate.Release(count);

        private async Task<IReadOnlySet<int>> CommitAsync(IReadOnlyList<IReadOnlyList<string>> appends)
        {
            // One writer: commits never overlap, so the count needs no lock.
            var number = ++begunCommits;
            begun.Writer.TryWrite(appends);
            await gate.WaitAsync();
            if (number == Failing)
            {
                throw Failure;
            }

            return appends.Index().Where(append => Refused(append.Item)).Select(append => append.Index).ToHashSet();
        }
    }
}

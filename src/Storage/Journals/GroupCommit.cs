using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Quorum.Storage.Journals;

/// <summary>
/// Group commit in front of a journal's store: one writer loop takes every append waiting at that moment and
/// commits them together, so while one commit is on its way to disk the next one fills up. Under load the
/// commit rate stays what the database can do and the append rate grows with the batch (MEASURED.md: 100 rows a
/// commit is worth 25-40 times one row a commit), with no timer adding latency when the journal is idle.
/// </summary>
/// <typeparam name="TRow">One journal row; an append is one or more rows, stored or refused together.</typeparam>
internal sealed partial class GroupCommit<TRow> : IAsyncDisposable
{
    /// <summary>Rows after which a commit takes no further append, so one commit stays short and a parameter list bounded.</summary>
    public const int MaxRowsPerCommit = 2_000;

    private readonly Channel<PendingAppend> queue = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly Func<IReadOnlyList<IReadOnlyList<TRow>>, Task<IReadOnlySet<int>>> commit;
    private readonly Func<TRow, Exception> refusal;
    private readonly string journal;
    private readonly ILogger logger;
    private readonly int maxRowsPerCommit;
    private readonly Task writer;
    private int commits;

    /// <param name="commit">
    /// Commits the appends in one transaction and returns the indexes of those refused (none of their rows stored);
    /// throws when nothing was committed.
    /// </param>
    /// <param name="refusal">The exception a refused append fails with, given its first row.</param>
    /// <param name="journal">What the journal is called in messages, e.g. "edit journal".</param>
    /// <param name="logger">Where a failed commit is reported.</param>
    /// <param name="maxRowsPerCommit">
    /// Rows after which a commit takes no further append. An append is never split, so the last one taken may carry
    /// a commit past this.
    /// </param>
    public GroupCommit(
        Func<IReadOnlyList<IReadOnlyList<TRow>>, Task<IReadOnlySet<int>>> commit,
        Func<TRow, Exception> refusal,
        string journal,
        ILogger logger,
        int maxRowsPerCommit = MaxRowsPerCommit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerCommit, 1);
        this.commit = commit;
        this.refusal = refusal;
        this.journal = journal;
        this.logger = logger;
        this.maxRowsPerCommit = maxRowsPerCommit;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Commits begun so far (failed ones too); beside the number of appends, it shows how many shared a commit.</summary>
    public int Commits => Volatile.Read(ref commits);

    /// <summary>Queues the rows for the next commit; completes once they are durable, or fails with the refusal.</summary>
    public Task AppendAsync(IReadOnlyList<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new PendingAppend(rows);
        return queue.Writer.TryWrite(pending)
            ? pending.Completion.Task
            : Task.FromException(new ObjectDisposedException(journal, $"The {journal} has shut down; the append was not stored."));
    }

    /// <summary>Takes no more appends, commits those already queued, and stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>();
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var rows = 0;
            while (rows < maxRowsPerCommit && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                rows += pending.Rows.Count;
            }

            // Counted before any append hears back, so whoever awaited one sees its commit counted.
            Interlocked.Increment(ref commits);
            await CommitAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<PendingAppend> batch)
    {
        IReadOnlySet<int> refused;
        try
        {
            refused = await commit(batch.Select(p => p.Rows).ToList()).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogCommitFailed(exception, journal, batch.Count);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(exception);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (refused.Contains(i))
            {
                batch[i].Completion.TrySetException(refusal(batch[i].Rows[0]));
            }
            else
            {
                batch[i].Completion.TrySetResult();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Journal} could not commit {Appends} appends; they are not acknowledged.")]
    private partial void LogCommitFailed(Exception exception, string journal, int appends);

    private sealed record PendingAppend(IReadOnlyList<TRow> Rows)
    {
        // Continuations run on the pool, never inline on the writer loop (a grain's continuation must not run here).
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}


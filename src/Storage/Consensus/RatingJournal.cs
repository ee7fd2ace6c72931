using Microsoft.Extensions.Logging;
using Quorum.Domain.Consensus;
using Quorum.Storage.Journals;

namespace Quorum.Storage.Consensus;

/// <summary>
/// The rating journal: appends go through one <see cref="GroupCommit{TRow}"/> into the <see cref="RatingStore"/>,
/// so the ratings of every item given while one commit is under way share the next.
/// </summary>
internal sealed class RatingJournal : IRatingJournal, IAsyncDisposable
{
    private readonly RatingStore store;
    private readonly GroupCommit<RecordedRating> commits;

    public RatingJournal(RatingStore store, ILogger<RatingJournal> logger)
    {
        this.store = store;
        commits = new GroupCommit<RecordedRating>(
            appends => store.CommitAsync(appends),
            rating => new RatingConflictException(rating.ItemId, rating.Seq),
            "rating journal",
            logger);
    }

    /// <summary>Commits made so far.</summary>
    internal int Commits => commits.Commits;

    public Task AppendAsync(RecordedRating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentNullException.ThrowIfNull(rating.Rating);
        return commits.AppendAsync([rating]);
    }

    public Task<IReadOnlyList<RecordedRating>> ReadAsync(Guid itemId, int afterSeq, CancellationToken cancellationToken = default) =>
        store.ReadAsync(itemId, afterSeq, cancellationToken);

    public ValueTask DisposeAsync() => commits.DisposeAsync();
}

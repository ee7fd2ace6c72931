namespace Quorum.Domain.Consensus;

/// <summary>
/// The durable, append-only record of every rating given: per item, numbered 1, 2, 3... A rating is acknowledged
/// only once the journal has it on disk; the item's state is a snapshot of the journal up to some number.
/// </summary>
public interface IRatingJournal
{
    /// <summary>Stores one rating, in a commit shared with whatever other appends are waiting; completes once durable.</summary>
    /// <exception cref="RatingConflictException">The item's number is already taken: another activation of the item wrote it.</exception>
    Task AppendAsync(RecordedRating rating);

    /// <summary>The item's ratings numbered above <paramref name="afterSeq"/>, in order.</summary>
    Task<IReadOnlyList<RecordedRating>> ReadAsync(Guid itemId, int afterSeq, CancellationToken cancellationToken = default);
}

/// <summary>One rating as given: which item and round, by whom, when, and its number in the item's journal.</summary>
public sealed record RecordedRating(Guid ItemId, int Seq, Guid RoundId, Guid RaterId, Rating Rating, DateTimeOffset At);

/// <summary>A rating's number was already taken in the journal: two activations of one item wrote at once, and this one lost.</summary>
public sealed class RatingConflictException : Exception
{
    public RatingConflictException()
        : base("The rating's number is already stored.")
    {
    }

    public RatingConflictException(string message)
        : base(message)
    {
    }

    public RatingConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RatingConflictException(Guid itemId, int seq)
        : base($"Rating {seq} of item {itemId} is already stored; another activation of the item wrote it.")
    {
        ItemId = itemId;
        Seq = seq;
    }

    public Guid ItemId { get; }

    public int Seq { get; }
}

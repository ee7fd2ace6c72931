namespace Quorum.Storage;

/// <summary>Answers whether the database takes queries now; backs the readiness endpoint.</summary>
public interface IDatabaseProbe
{
    /// <summary>
    /// One cheap round trip under a short timeout of its own. Returns false for any failure of the
    /// database; throws only <see cref="OperationCanceledException"/> when the caller cancels.
    /// </summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}

namespace Quorum.Domain.Consensus;

/// <summary>
/// Stability between Delphi rounds: of the panellists who rated an item in both rounds, the share who gave the same
/// answers again (reasons aside). A stable panel has stopped moving; an unstable one may need another round.
/// </summary>
public static class RoundStability
{
    /// <returns>The share from 0 to 1, or null when no panellist rated the item in both rounds.</returns>
    public static double? Compute(IReadOnlyDictionary<Guid, Rating> previous, IReadOnlyDictionary<Guid, Rating> current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var both = 0;
        var same = 0;
        foreach (var (rater, now) in current)
        {
            if (previous.TryGetValue(rater, out var before))
            {
                both++;
                if (Instruments.All.All(i => before.Value(i) == now.Value(i)))
                {
                    same++;
                }
            }
        }

        return both == 0 ? null : (double)same / both;
    }
}

namespace Quorum.Domain.Consensus;

/// <summary>
/// The Angoff cut score for a set of items: each judge j estimates p_ij, the probability that a minimally competent
/// candidate answers item i correctly; the judge's cut score is C_j = sum_i p_ij; the panel's is the mean of the C_j,
/// with standard error SD(C_j) / sqrt(J) (sample standard deviation over judges).
/// </summary>
public static class AngoffCutScore
{
    /// <param name="estimates">Per judge, one estimate (0-1) per item, every judge rating the same items in the same order.</param>
    /// <returns>The cut score in items answered correctly, its standard error (null with one judge), and each judge's cut.</returns>
    public static AngoffResult Compute(IReadOnlyList<IReadOnlyList<double>> estimates)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        if (estimates.Count == 0 || estimates[0].Count == 0)
        {
            throw new ArgumentException("An Angoff cut score needs at least one judge and one item.", nameof(estimates));
        }

        var items = estimates[0].Count;
        for (var j = 0; j < estimates.Count; j++)
        {
            if (estimates[j].Count != items || estimates[j].Any(p => !double.IsFinite(p) || p is < 0 or > 1))
            {
                throw new ArgumentException($"Judge {j + 1} must give {items} estimates between 0 and 1, one per item.", nameof(estimates));
            }
        }

        var cuts = estimates.Select(judge => judge.Sum()).ToArray();
        var mean = cuts.Average();
        double? error = null;
        if (cuts.Length > 1)
        {
            var variance = cuts.Sum(c => (c - mean) * (c - mean)) / (cuts.Length - 1);
            error = Math.Sqrt(variance) / Math.Sqrt(cuts.Length);
        }

        return new AngoffResult(mean, error, items, cuts);
    }
}

/// <param name="CutScore">Items a minimally competent candidate is expected to answer correctly.</param>
/// <param name="StandardError">SD of the judges' cut scores over the square root of their number; null with one judge.</param>
public sealed record AngoffResult(double CutScore, double? StandardError, int Items, IReadOnlyList<double> JudgeCutScores)
{
    /// <summary>The cut score as a share of the items.</summary>
    public double Percent => CutScore / Items;
}

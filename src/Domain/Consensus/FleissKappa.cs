namespace Quorum.Domain.Consensus;

/// <summary>
/// Fleiss' kappa (Fleiss 1971) for N subjects each rated by the same number n of raters into k categories, from
/// the counts n_ij (raters putting subject i in category j): p_j = sum_i n_ij / (N n);
/// P_i = (sum_j n_ij^2 - n) / (n (n - 1)); P = mean P_i; P_e = sum_j p_j^2; kappa = (P - P_e) / (1 - P_e).
/// </summary>
public static class FleissKappa
{
    /// <exception cref="ArgumentException">No subjects, fewer than two raters, rows of unequal totals or lengths, or a negative count.</exception>
    public static FleissKappaResult Compute(IReadOnlyList<IReadOnlyList<int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count == 0)
        {
            throw new ArgumentException("Fleiss' kappa needs at least one subject.", nameof(counts));
        }

        var categories = counts[0].Count;
        var raters = counts[0].Sum();
        if (raters < 2)
        {
            throw new ArgumentException($"Fleiss' kappa needs at least two raters per subject; subject 1 has {raters}.", nameof(counts));
        }

        var totals = new double[categories];
        var agreement = 0.0;
        for (var i = 0; i < counts.Count; i++)
        {
            var row = counts[i];
            if (row.Count != categories || row.Any(c => c < 0) || row.Sum() != raters)
            {
                throw new ArgumentException($"Subject {i + 1} must have {categories} non-negative counts adding up to {raters} raters, as subject 1 does.", nameof(counts));
            }

            var squares = 0.0;
            for (var j = 0; j < categories; j++)
            {
                totals[j] += row[j];
                squares += (double)row[j] * row[j];
            }

            agreement += (squares - raters) / ((double)raters * (raters - 1));
        }

        var shares = totals.Select(t => t / ((double)counts.Count * raters)).ToArray();
        var observed = agreement / counts.Count;
        var chance = shares.Sum(p => p * p);
        // Every rating in one category makes P_e = P = 1: kappa is 0/0, undefined, not perfect agreement.
        var kappa = chance >= 1 ? double.NaN : (observed - chance) / (1 - chance);
        return new FleissKappaResult(kappa, observed, chance, shares);
    }
}

/// <param name="Kappa">NaN when every rating falls in one category (agreement by chance is then certain).</param>
/// <param name="ObservedAgreement">P, the mean agreement over subjects.</param>
/// <param name="ChanceAgreement">P_e.</param>
/// <param name="CategoryShares">p_j, the share of all ratings in each category.</param>
public sealed record FleissKappaResult(double Kappa, double ObservedAgreement, double ChanceAgreement, IReadOnlyList<double> CategoryShares);

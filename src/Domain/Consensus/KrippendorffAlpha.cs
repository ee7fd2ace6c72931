namespace Quorum.Domain.Consensus;

/// <summary>How far apart two values of a rating scale are, for <see cref="KrippendorffAlpha"/>.</summary>
public enum LevelOfMeasurement
{
    /// <summary>Categories: equal or not.</summary>
    Nominal,

    /// <summary>Ranks: the distance counts the values used in between.</summary>
    Ordinal,

    /// <summary>Numbers with equal steps: the squared difference.</summary>
    Interval,
}

/// <summary>
/// Krippendorff's alpha = 1 - D_o / D_e over the coincidence matrix of pairable values (Krippendorff 2011,
/// "Computing Krippendorff's alpha-reliability"). Missing ratings are allowed; a unit with fewer than two
/// values carries no information about agreement and is left out.
/// </summary>
public static class KrippendorffAlpha
{
    /// <param name="units">Per unit (an item), the values the raters gave; null where a rater gave none.</param>
    /// <returns>Alpha, or NaN when fewer than two pairable values exist or all of them are equal (no variation to agree on).</returns>
    public static double Compute(IEnumerable<IEnumerable<double?>> units, LevelOfMeasurement level)
    {
        ArgumentNullException.ThrowIfNull(units);
        var pairable = units.Select(u => u.Where(v => v.HasValue).Select(v => v!.Value).ToArray()).Where(u => u.Length >= 2).ToList();
        if (pairable.SelectMany(u => u).Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Ratings must be finite numbers.", nameof(units));
        }

        var values = pairable.SelectMany(u => u).Distinct().Order().ToArray();
        if (values.Length < 2)
        {
            return double.NaN;
        }

        var index = values.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        var coincidences = new double[values.Length, values.Length];
        // Per unit, o_ck += n_uc (n_uk - [c = k]) / (m_u - 1): linear in the unit's ratings, not quadratic.
        var counts = new Dictionary<int, int>();
        foreach (var unit in pairable)
        {
            counts.Clear();
            foreach (var value in unit)
            {
                counts[index[value]] = counts.GetValueOrDefault(index[value]) + 1;
            }

            var weight = 1.0 / (unit.Length - 1);
            foreach (var (c, nc) in counts)
            {
                foreach (var (k, nk) in counts)
                {
                    coincidences[c, k] += weight * nc * (c == k ? nk - 1 : nk);
                }
            }
        }

        var marginals = new double[values.Length];
        for (var c = 0; c < values.Length; c++)
        {
            for (var k = 0; k < values.Length; k++)
            {
                marginals[c] += coincidences[c, k];
            }
        }

        var total = marginals.Sum();
        double observed = 0, expected = 0;
        for (var c = 0; c < values.Length; c++)
        {
            for (var k = 0; k < values.Length; k++)
            {
                var distance = Distance(level, values, marginals, c, k);
                observed += coincidences[c, k] * distance;
                expected += marginals[c] * marginals[k] * distance;
            }
        }

        return 1 - (total - 1) * observed / expected;
    }

    /// <summary>The squared distance (delta squared) between the c-th and k-th smallest values.</summary>
    private static double Distance(LevelOfMeasurement level, double[] values, double[] marginals, int c, int k)
    {
        switch (level)
        {
            case LevelOfMeasurement.Nominal:
                return c == k ? 0 : 1;
            case LevelOfMeasurement.Interval:
                var difference = values[c] - values[k];
                return difference * difference;
            case LevelOfMeasurement.Ordinal:
                var (low, high) = c <= k ? (c, k) : (k, c);
                var between = 0.0;
                for (var g = low; g <= high; g++)
                {
                    between += marginals[g];
                }

                between -= (marginals[c] + marginals[k]) / 2;
                return between * between;
            default:
                throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level of measurement.");
        }
    }
}

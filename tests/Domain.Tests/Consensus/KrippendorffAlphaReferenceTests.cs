using Quorum.Domain.Consensus;

namespace Quorum.Domain.Tests.Consensus;

/// <summary>
/// Krippendorff's alpha, counted per value within a unit, equals the textbook computation that walks every ordered
/// pair of values in a unit, on random data of every level of measurement with missing ratings, and on large panels.
/// </summary>
public sealed class KrippendorffAlphaReferenceTests
{
    /// <summary>
    /// Krippendorff (2011) straight from the definitions: o_ck sums 1 / (m_u - 1) over every ordered pair of values
    /// (c, k) in a unit; n_c counts the pairable values equal to c; D_o = sum o_ck delta^2 / n;
    /// D_e = sum n_c n_k delta^2 / (n (n - 1)); alpha = 1 - D_o / D_e (NaN when D_e is 0).
    /// </summary>
    private static double Reference(IReadOnlyList<double?[]> units, LevelOfMeasurement level)
    {
        var pairable = units.Select(u => u.Where(v => v.HasValue).Select(v => v!.Value).ToArray()).Where(u => u.Length >= 2).ToList();
        var values = pairable.SelectMany(u => u).Distinct().Order().ToArray();
        var m = values.Length;
        var o = new double[m, m];
        var n = new double[m];
        foreach (var unit in pairable)
        {
            var at = unit.Select(v => Array.BinarySearch(values, v)).ToArray();
            var weight = 1.0 / (unit.Length - 1);
            for (var a = 0; a < at.Length; a++)
            {
                n[at[a]]++;
                for (var b = 0; b < at.Length; b++)
                {
                    if (a != b)
                    {
                        o[at[a], at[b]] += weight;
                    }
                }
            }
        }

        var total = n.Sum();
        double Delta2(int c, int k)
        {
            switch (level)
            {
                case LevelOfMeasurement.Nominal:
                    return c == k ? 0 : 1;
                case LevelOfMeasurement.Interval:
                    return (values[c] - values[k]) * (values[c] - values[k]);
                default:
                    var sum = 0.0;
                    for (var g = Math.Min(c, k); g <= Math.Max(c, k); g++)
                    {
                        sum += n[g];
                    }

                    var d = sum - ((n[c] + n[k]) / 2);
                    return d * d;
            }
        }

        double observed = 0, expected = 0;
        for (var c = 0; c < m; c++)
        {
            for (var k = 0; k < m; k++)
            {
                observed += o[c, k] * Delta2(c, k);
                expected += n[c] * n[k] * Delta2(c, k);
            }
        }

        observed /= total;
        expected /= total * (total - 1);
        return expected == 0 ? double.NaN : 1 - (observed / expected);
    }

    private static double?[][] RandomUnits(Random random, int units, int raters, double[] scale, double missing, double agreement)
    {
        var data = new double?[units][];
        for (var u = 0; u < units; u++)
        {
            // Raters lean towards a value per unit, so alpha ranges widely rather than sitting near zero.
            var centre = random.Next(scale.Length);
            data[u] = new double?[raters];
            for (var r = 0; r < raters; r++)
            {
                data[u][r] = random.NextDouble() < missing
                    ? null
                    : scale[random.NextDouble() < agreement ? centre : random.Next(scale.Length)];
            }
        }

        return data;
    }

    private static double[] ScaleFor(LevelOfMeasurement level, Random random) => level switch
    {
        LevelOfMeasurement.Nominal => [3, -1, 7.5, 0, 12],
        LevelOfMeasurement.Ordinal => [1, 2, 3, 4, 5, 6, 7],
        _ => [.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => Math.Round((random.NextDouble() * 200) - 50, 2)).Distinct()],
    };

    private static void AssertSame(double expected, double actual, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual}");
            return;
        }

        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [InlineData(LevelOfMeasurement.Nominal)]
    [InlineData(LevelOfMeasurement.Ordinal)]
    [InlineData(LevelOfMeasurement.Interval)]
    public void Equals_the_pairwise_computation_on_random_data_with_missing_values(LevelOfMeasurement level)
    {
        var random = new Random(1_971 + (int)level);
        for (var run = 0; run < 500; run++)
        {
            var scale = ScaleFor(level, random);
            var units = RandomUnits(
                random,
                units: random.Next(1, 30),
                raters: random.Next(2, 12),
                scale,
                missing: new[] { 0, 0.2, 0.5, 0.8 }[random.Next(4)],
                agreement: random.NextDouble());

            AssertSame(Reference(units, level), KrippendorffAlpha.Compute(units, level), $"{level} run {run}");
        }
    }

    [Theory]
    [InlineData(LevelOfMeasurement.Nominal)]
    [InlineData(LevelOfMeasurement.Ordinal)]
    [InlineData(LevelOfMeasurement.Interval)]
    public void Equals_the_pairwise_computation_when_a_value_repeats_many_times_in_a_unit(LevelOfMeasurement level)
    {
        // The per-value count n_uc (n_uc - 1) on the diagonal is where a counting shortcut goes wrong.
        double?[][] units =
        [
            [1, 1, 1, 1, 1, 2],
            [2, 2, 2, null, 3, 3],
            [1, 3, 3, 3, 3, 3],
            [4, 4, null, null, null, null],
            [4, null, null, null, null, null],
        ];

        AssertSame(Reference(units, level), KrippendorffAlpha.Compute(units, level), level.ToString());
    }

    [Theory]
    [InlineData(LevelOfMeasurement.Nominal)]
    [InlineData(LevelOfMeasurement.Ordinal)]
    [InlineData(LevelOfMeasurement.Interval)]
    public void A_thousand_raters_on_fifty_units_give_the_pairwise_result(LevelOfMeasurement level)
    {
        var random = new Random(1_000);
        var units = RandomUnits(random, units: 50, raters: 1_000, [1, 2, 3, 4, 5], missing: 0.1, agreement: 0.7);

        var alpha = KrippendorffAlpha.Compute(units, level);

        Assert.True(double.IsFinite(alpha));
        AssertSame(Reference(units, level), alpha, level.ToString());
    }

    [Fact]
    public void Units_that_cannot_be_paired_give_nan_as_the_reference_does()
    {
        double?[][] lonely = [[1, null, null], [null, 2, null], [null, null, null]];

        Assert.True(double.IsNaN(Reference(lonely, LevelOfMeasurement.Nominal)));
        Assert.True(double.IsNaN(KrippendorffAlpha.Compute(lonely, LevelOfMeasurement.Nominal)));
        Assert.True(double.IsNaN(KrippendorffAlpha.Compute([], LevelOfMeasurement.Interval)));
    }
}

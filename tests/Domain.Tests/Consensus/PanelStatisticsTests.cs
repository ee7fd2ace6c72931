using Quorum.Domain.Consensus;

namespace Quorum.Domain.Tests.Consensus;

/// <summary>
/// The panel statistics give the published worked examples: Fleiss' 1971 table, Krippendorff's own reliability
/// data, Polit and Beck's scale CVI illustration; and refuse data they cannot be computed on.
/// </summary>
public sealed class PanelStatisticsTests
{
    // Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (depression, personality disorder,
    // schizophrenia, neurosis, other); per patient, how many psychiatrists chose each.
    private static readonly int[][] Fleiss1971 =
    [
        [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
        [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
        [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
        [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
    ];

    // Krippendorff (2011), the worked example: 4 observers, 12 units, values 1-5, gaps where an observer gave none.
    private static readonly double?[][] KrippendorffObservers =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    [Fact]
    public void Fleiss_kappa_of_fleiss_1971_is_0_430()
    {
        var result = FleissKappa.Compute(Fleiss1971);

        Assert.Equal(0.430, result.Kappa, 3);
        Assert.Equal(0.556, result.ObservedAgreement, 3);
        Assert.Equal([0.144, 0.144, 0.167, 0.306, 0.239], result.CategoryShares.Select(p => Math.Round(p, 3)));
        Assert.Equal(0.220, result.ChanceAgreement, 3);
    }

    [Fact]
    public void Fleiss_kappa_is_one_for_unanimous_raters_and_refuses_unequal_panels()
    {
        Assert.Equal(1.0, FleissKappa.Compute([[3, 0], [0, 3]]).Kappa, 12);
        Assert.Throws<ArgumentException>(() => FleissKappa.Compute([[3, 0], [0, 2]]));
        Assert.Throws<ArgumentException>(() => FleissKappa.Compute([[1, 0]]));
        Assert.Throws<ArgumentException>(() => FleissKappa.Compute([]));
    }

    [Theory]
    [InlineData(LevelOfMeasurement.Nominal, 0.743)]
    [InlineData(LevelOfMeasurement.Ordinal, 0.815)]
    [InlineData(LevelOfMeasurement.Interval, 0.849)]
    public void Krippendorffs_alpha_of_his_worked_example(LevelOfMeasurement level, double expected)
    {
        var units = Enumerable.Range(0, 12).Select(u => KrippendorffObservers.Select(observer => observer[u]));

        Assert.Equal(expected, KrippendorffAlpha.Compute(units, level), 3);
    }

    [Fact]
    public void Krippendorffs_alpha_is_one_for_perfect_agreement_and_undefined_without_variation()
    {
        double?[][] agreeing = [[1, 1, null], [2, 2, 2], [4, null, 4]];
        double?[][] uniform = [[3, 3], [3, 3]];

        Assert.Equal(1.0, KrippendorffAlpha.Compute(agreeing, LevelOfMeasurement.Ordinal), 12);
        Assert.True(double.IsNaN(KrippendorffAlpha.Compute(uniform, LevelOfMeasurement.Nominal)));
        Assert.Throws<ArgumentException>(() => KrippendorffAlpha.Compute([[1, double.NaN]], LevelOfMeasurement.Interval));
    }

    [Fact]
    public void Scale_cvi_of_two_experts_agreeing_on_eight_items_of_ten()
    {
        // Polit and Beck (2006): two experts, ten items; both call eight relevant, they split on two.
        var items = Enumerable.Repeat<IReadOnlyCollection<int>>([4, 3], 8).Concat([[4, 2], [1, 3]]);

        var (average, universal) = ScaleContentValidity.Compute(items)!.Value;

        Assert.Equal(0.90, average, 12);
        Assert.Equal(0.80, universal, 12);
    }

    [Fact]
    public void Scale_cvi_skips_unrated_items_and_refuses_ratings_off_the_scale()
    {
        IReadOnlyCollection<int>[] items = [[4, 4, 3], [4, 2, 3], [1, 2, 4, 4], []];

        var (average, universal) = ScaleContentValidity.Compute(items)!.Value;

        Assert.Equal((1 + 2.0 / 3 + 0.5) / 3, average, 12);
        Assert.Equal(1.0 / 3, universal, 12);
        Assert.Null(ScaleContentValidity.Compute([[]]));
        Assert.Throws<ArgumentException>(() => ScaleContentValidity.Compute([[5]]));
    }

    [Fact]
    public void Angoff_cut_score_is_the_mean_judge_sum_with_its_standard_error()
    {
        double[][] estimates = [[0.6, 0.7, 0.5, 0.8], [0.5, 0.6, 0.5, 0.6], [0.7, 0.8, 0.6, 0.9]];

        var result = AngoffCutScore.Compute(estimates);

        // Judges' sums 2.6, 2.2, 3.0: mean 2.6, sample SD 0.4, SE 0.4 / sqrt(3).
        Assert.Equal([2.6, 2.2, 3.0], result.JudgeCutScores.Select(c => Math.Round(c, 12)));
        Assert.Equal(2.6, result.CutScore, 12);
        Assert.Equal(0.4 / Math.Sqrt(3), result.StandardError!.Value, 12);
        Assert.Equal(0.65, result.Percent, 12);
        Assert.Null(AngoffCutScore.Compute([[0.5, 0.5]]).StandardError);
        Assert.Throws<ArgumentException>(() => AngoffCutScore.Compute([[0.5, 1.2]]));
        Assert.Throws<ArgumentException>(() => AngoffCutScore.Compute([[0.5, 0.5], [0.5]]));
    }
}

using Quorum.Domain.Consensus;

namespace Quorum.Domain.Tests.Consensus;

/// <summary>
/// The statistics of a set of rated items agree with independent computations: Fleiss' kappa by DOMAIN.md's formula
/// over the items with the modal number of raters, Krippendorff's alpha on the same values, Polit and Beck's scale
/// CVI, and the Angoff cut over the judges who estimated every question; a statistic that is undefined is null.
/// </summary>
public sealed class PanelStatisticsComputeTests
{
    private const string Because = "Because.";

    private static Guid Rater(int i) => new(i + 1, 0, 0, new byte[8]);

    /// <summary>An item rated by raters 0, 1, 2...; a null leaves that rater out.</summary>
    private static RatedItem Item(int id, bool isQuestion, params Rating?[] byRater) => new(
        new Guid(10_000 + id, 0, 0, new byte[8]),
        isQuestion,
        Enumerable.Range(0, byRater.Length).Where(r => byRater[r] is not null).ToDictionary(Rater, r => byRater[r]!));

    private static RatedItem Relevance(int id, params int?[] values) =>
        Item(id, true, [.. values.Select(v => v is { } r ? new Rating(null, r, null, Because) : null)]);

    /// <summary>DOMAIN.md's formula for Fleiss' kappa, written out from the counts n_ij.</summary>
    private static double FleissByFormula(int[][] n)
    {
        var subjects = n.Length;
        var raters = n[0].Sum();
        var p = Enumerable.Range(0, n[0].Length).Select(j => n.Sum(row => row[j]) / (double)(subjects * raters)).ToArray();
        var agreement = n.Select(row => (row.Sum(x => (double)x * x) - raters) / (raters * (raters - 1.0))).Average();
        var chance = p.Sum(x => x * x);
        return (agreement - chance) / (1 - chance);
    }

    [Fact]
    public void Fleiss_kappa_equals_the_hand_computation_on_a_small_example()
    {
        // Four items, three raters, relevance 1-4. Counts n_ij: [0,0,0,3] [0,0,1,2] [1,2,0,0] [0,0,2,1].
        // P_i = (sum n_ij^2 - 3) / 6 = 1, 1/3, 1/3, 1/3; P = 1/2.
        // p_j = 1/12, 2/12, 3/12, 6/12; P_e = 50/144 = 25/72; kappa = (1/2 - 25/72) / (47/72) = 11/47.
        RatedItem[] items = [Relevance(1, 4, 4, 4), Relevance(2, 3, 4, 4), Relevance(3, 1, 2, 2), Relevance(4, 3, 3, 4)];

        var relevance = Assert.Single(PanelStatistics.Compute(items, [Instrument.Relevance]).Instruments);

        Assert.Equal(11.0 / 47, relevance.FleissKappa!.Value, 12);
        Assert.Equal(FleissByFormula([[0, 0, 0, 3], [0, 0, 1, 2], [1, 2, 0, 0], [0, 0, 2, 1]]), relevance.FleissKappa!.Value, 12);
        Assert.Equal(4, relevance.FleissItems);
        Assert.Equal(3, relevance.FleissRaters);
    }

    [Fact]
    public void Fleiss_kappa_uses_only_the_items_with_the_modal_number_of_raters()
    {
        // The four three-rater items of the hand example, plus two four-rater items, one two-rater item and one
        // item with a single rating: three raters is the most common, so kappa is the hand example's 11/47.
        RatedItem[] items =
        [
            Relevance(1, 4, 4, 4), Relevance(2, 3, 4, 4), Relevance(3, 1, 2, 2), Relevance(4, 3, 3, 4),
            Relevance(5, 1, 1, 4, 4), Relevance(6, 2, 3, 3, 4),
            Relevance(7, 1, 4),
            Relevance(8, 2),
        ];

        var relevance = Assert.Single(PanelStatistics.Compute(items, [Instrument.Relevance]).Instruments);

        Assert.Equal(11.0 / 47, relevance.FleissKappa!.Value, 12);
        Assert.Equal(4, relevance.FleissItems);
        Assert.Equal(3, relevance.FleissRaters);
        Assert.Equal(8, relevance.Items);
        Assert.Equal(23, relevance.Ratings);
    }

    [Fact]
    public void A_tie_between_rater_counts_goes_to_the_larger_panel()
    {
        // Two items with three raters, two with four. Four-rater counts [2,0,0,2] and [0,1,2,1]:
        // P = (4/12 + 2/12) / 2 = 1/4; p = 2/8, 1/8, 2/8, 3/8; P_e = 18/64; kappa = (16/64 - 18/64) / (46/64) = -1/23.
        RatedItem[] items = [Relevance(1, 4, 4, 4), Relevance(2, 1, 2, 2), Relevance(3, 1, 1, 4, 4), Relevance(4, 2, 3, 3, 4)];

        var relevance = Assert.Single(PanelStatistics.Compute(items, [Instrument.Relevance]).Instruments);

        Assert.Equal(-1.0 / 23, relevance.FleissKappa!.Value, 12);
        Assert.Equal(2, relevance.FleissItems);
        Assert.Equal(4, relevance.FleissRaters);
    }

    [Fact]
    public void Fleiss_kappa_on_every_categorical_instrument_follows_the_formula_on_random_rounds()
    {
        var random = new Random(42);
        for (var round = 0; round < 50; round++)
        {
            var raters = random.Next(2, 9);
            var items = new List<RatedItem>();
            var count = random.Next(1, 15);
            for (var i = 0; i < count; i++)
            {
                var isQuestion = random.Next(4) != 0;
                // Each rater takes part with probability .8, so items have different numbers of raters.
                items.Add(Item(i, isQuestion, [.. Enumerable.Range(0, raters).Select(_ => random.Next(5) == 0 ? null : new Rating(
                    (Essentiality)random.Next(3), random.Next(1, 5), isQuestion ? random.Next(2) == 1 : null, Because, random.Next(1, 5), null))]));
            }

            var stats = PanelStatistics.Compute(items, Instruments.All);
            foreach (var instrument in new[] { Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect, Instrument.Clarity })
            {
                var rows = items
                    .Where(i => i.IsQuestion || !instrument.NeedsQuestion())
                    .Select(i => i.Ratings.Values.Select(r => r.Value(instrument)).OfType<double>().ToList())
                    .Where(v => v.Count >= 2)
                    .ToList();
                var actual = stats.Instruments.Single(s => s.Instrument == instrument);
                if (rows.Count == 0)
                {
                    Assert.Null(actual.FleissKappa);
                    continue;
                }

                var byCount = rows.GroupBy(r => r.Count).ToList();
                var most = byCount.Max(g => g.Count());
                var modal = byCount.Where(g => g.Count() == most).MaxBy(g => g.Key)!;
                var offset = instrument is Instrument.Relevance or Instrument.Clarity ? 1 : 0;
                var counts = modal.Select(values => Enumerable.Range(0, PanelStatistics.Categories(instrument)!.Value)
                    .Select(c => values.Count(v => (int)v - offset == c)).ToArray()).ToArray();
                var expected = FleissByFormula(counts);

                Assert.Equal(modal.Count(), actual.FleissItems);
                Assert.Equal(modal.Key, actual.FleissRaters);
                if (double.IsFinite(expected))
                {
                    Assert.Equal(expected, actual.FleissKappa!.Value, 10);
                }
                else
                {
                    Assert.Null(actual.FleissKappa);
                }
            }
        }
    }

    [Theory]
    [InlineData(Instrument.Essentiality, 3)]
    [InlineData(Instrument.Relevance, 4)]
    [InlineData(Instrument.KeyCorrect, 2)]
    [InlineData(Instrument.Clarity, 4)]
    public void Categorical_instruments_have_their_scales_categories(Instrument instrument, int categories) =>
        Assert.Equal(categories, PanelStatistics.Categories(instrument));

    [Fact]
    public void Angoff_is_a_number_and_has_no_fleiss_kappa()
    {
        RatedItem[] items =
        [
            Item(1, true, new Rating(null, null, true, null, Angoff: 40), new Rating(null, null, true, null, Angoff: 60)),
            Item(2, true, new Rating(null, null, true, null, Angoff: 80), new Rating(null, null, true, null, Angoff: 70)),
        ];

        var angoff = Assert.Single(PanelStatistics.Compute(items, [Instrument.Angoff]).Instruments);

        Assert.Null(PanelStatistics.Categories(Instrument.Angoff));
        Assert.Null(angoff.FleissKappa);
        Assert.Equal(0, angoff.FleissItems);
        Assert.Equal(0, angoff.FleissRaters);
        Assert.Equal(KrippendorffAlpha.Compute([[40, 60], [80, 70]], LevelOfMeasurement.Interval), angoff.AlphaInterval!.Value, 12);
    }

    [Fact]
    public void Krippendorffs_alpha_per_instrument_equals_krippendorff_alpha_on_the_same_values()
    {
        var random = new Random(2024);
        const int raters = 7;
        var matrix = new List<(bool IsQuestion, Rating?[] ByRater)>();
        for (var i = 0; i < 20; i++)
        {
            var isQuestion = i % 5 != 0;
            var row = new Rating?[raters];
            for (var r = 0; r < raters; r++)
            {
                // Some raters skip an item; the others mostly agree, to within one point.
                var centre = 2 + (i % 3);
                row[r] = random.Next(6) == 0 ? null : new Rating(
                    (Essentiality)((i + (random.Next(4) == 0 ? 1 : 0)) % 3),
                    Math.Clamp(centre + random.Next(-1, 2), 1, 4),
                    isQuestion ? random.Next(5) != 0 : null,
                    Because,
                    Math.Clamp(centre + random.Next(-1, 2), 1, 4),
                    isQuestion ? (i * 4) + random.Next(0, 21) : null);
            }

            matrix.Add((isQuestion, row));
        }

        var items = matrix.Select((m, i) => Item(i, m.IsQuestion, m.ByRater)).ToList();

        var stats = PanelStatistics.Compute(items, Instruments.All);

        Assert.Equal(Instruments.All.Order(), stats.Instruments.Select(s => s.Instrument));
        foreach (var instrument in Instruments.All)
        {
            // Per item, each rater's value or null, from the matrix itself; scenarios have no key or Angoff.
            var units = matrix
                .Where(m => m.IsQuestion || !instrument.NeedsQuestion())
                .Select(m => m.ByRater.Select(r => r?.Value(instrument)).ToArray())
                .ToList();
            var actual = stats.Instruments.Single(s => s.Instrument == instrument);

            Assert.Equal(units.Count(u => u.Any(v => v is not null)), actual.Items);
            Assert.Equal(units.Sum(u => u.Count(v => v is not null)), actual.Ratings);
            AssertAlpha(KrippendorffAlpha.Compute(units, LevelOfMeasurement.Nominal), actual.AlphaNominal);
            AssertAlpha(KrippendorffAlpha.Compute(units, LevelOfMeasurement.Ordinal), actual.AlphaOrdinal);
            AssertAlpha(KrippendorffAlpha.Compute(units, LevelOfMeasurement.Interval), actual.AlphaInterval);
        }
    }

    [Fact]
    public void Scale_cvi_of_polit_and_beck_two_experts_and_ten_items()
    {
        // Polit and Beck (2006): both experts call eight items relevant and split on two: S-CVI/Ave .90, S-CVI/UA .80.
        var items = Enumerable.Range(0, 8).Select(i => Relevance(i, 4, 3)).Append(Relevance(8, 4, 2)).Append(Relevance(9, 1, 3)).ToList();

        var stats = PanelStatistics.Compute(items, Instruments.Defaults);

        Assert.Equal(0.90, stats.ScaleCviAverage!.Value, 12);
        Assert.Equal(0.80, stats.ScaleCviUniversal!.Value, 12);
    }

    [Fact]
    public void Scale_cvi_skips_items_without_relevance_ratings_and_counts_scenarios()
    {
        RatedItem[] items =
        [
            Relevance(1, 4, 4, 3),
            Item(2, false, new Rating(null, 4, null, null), new Rating(null, 2, null, Because)),
            Item(3, true, new Rating(null, null, true, null, Clarity: 4)),
        ];

        var stats = PanelStatistics.Compute(items, [Instrument.Relevance, Instrument.Clarity]);

        Assert.Equal(0.75, stats.ScaleCviAverage!.Value, 12);
        Assert.Equal(0.5, stats.ScaleCviUniversal!.Value, 12);
    }

    [Fact]
    public void Scale_cvi_is_null_when_the_panel_does_not_rate_relevance_or_nobody_has()
    {
        RatedItem[] items = [Relevance(1, 4, 4, 3)];

        var without = PanelStatistics.Compute(items, [Instrument.Essentiality]);
        Assert.Null(without.ScaleCviAverage);
        Assert.Null(without.ScaleCviUniversal);

        var unrated = PanelStatistics.Compute([Item(1, true, new Rating(Essentiality.Essential, null, null, null))], [Instrument.Relevance]);
        Assert.Null(unrated.ScaleCviAverage);
        Assert.Null(unrated.ScaleCviUniversal);
    }

    [Fact]
    public void Angoff_cut_score_is_over_the_judges_who_estimated_every_question_and_leaves_scenarios_out()
    {
        static Rating Estimate(int? percent) => new(null, 4, true, null, Angoff: percent);
        RatedItem[] items =
        [
            // Judges 1-3 estimate every question; judge 4 skips question 2.
            Item(1, true, Estimate(60), Estimate(50), Estimate(70), Estimate(90)),
            Item(2, true, Estimate(70), Estimate(60), Estimate(80), Estimate(null)),
            Item(3, true, Estimate(50), Estimate(50), Estimate(60), Estimate(90)),
            // A scenario has no Angoff estimate; it must not take every judge out.
            Item(4, false, new Rating(null, 4, null, null), new Rating(null, 4, null, null), new Rating(null, 3, null, null), new Rating(null, 4, null, null)),
        ];

        var stats = PanelStatistics.Compute(items, [Instrument.Relevance, Instrument.Angoff]);

        // Judges' cut scores: 0.6 + 0.7 + 0.5 = 1.8, 0.5 + 0.6 + 0.5 = 1.6, 0.7 + 0.8 + 0.6 = 2.1.
        double[] cuts = [1.8, 1.6, 2.1];
        var mean = cuts.Average();
        var sd = Math.Sqrt(cuts.Sum(c => (c - mean) * (c - mean)) / (cuts.Length - 1));
        var angoff = stats.Angoff!;
        Assert.Equal(3, stats.AngoffJudges);
        Assert.Equal(3, angoff.Items);
        Assert.Equal(cuts.Order(), angoff.JudgeCutScores.Select(c => Math.Round(c, 12)).Order());
        Assert.Equal(mean, angoff.CutScore, 12);
        Assert.Equal(sd / Math.Sqrt(3), angoff.StandardError!.Value, 12);
        Assert.Equal(mean / 3, angoff.Percent, 12);
        Assert.Equal(3, stats.Instruments.Single(s => s.Instrument == Instrument.Angoff).Items);
        Assert.Equal(4, stats.Instruments.Single(s => s.Instrument == Instrument.Relevance).Items);
        Assert.Equal(4, stats.Raters);
        Assert.Equal(4, stats.Items);
    }

    [Fact]
    public void Key_and_angoff_statistics_are_over_questions_only_even_if_a_scenario_carries_such_values()
    {
        // A scenario is never rated on the key or Angoff; should such values reach the statistics, they are left out.
        RatedItem[] items =
        [
            Item(1, true, new Rating(null, 4, true, null, Angoff: 40), new Rating(null, 3, false, Because, Angoff: 60)),
            Item(2, true, new Rating(null, 2, true, Because, Angoff: 70), new Rating(null, 4, true, null, Angoff: 90)),
            Item(3, false, new Rating(null, 4, false, Because, Angoff: 0), new Rating(null, 4, false, Because, Angoff: 100)),
        ];

        var stats = PanelStatistics.Compute(items, [Instrument.Relevance, Instrument.KeyCorrect, Instrument.Angoff]);

        var key = stats.Instruments.Single(s => s.Instrument == Instrument.KeyCorrect);
        var angoff = stats.Instruments.Single(s => s.Instrument == Instrument.Angoff);
        Assert.Equal((2, 4), (key.Items, key.Ratings));
        Assert.Equal((2, 4), (angoff.Items, angoff.Ratings));
        Assert.Equal(KrippendorffAlpha.Compute([[1, 0], [1, 1]], LevelOfMeasurement.Nominal), key.AlphaNominal!.Value, 12);
        Assert.Equal(KrippendorffAlpha.Compute([[40, 60], [70, 90]], LevelOfMeasurement.Interval), angoff.AlphaInterval!.Value, 12);
        Assert.Equal(3, stats.Instruments.Single(s => s.Instrument == Instrument.Relevance).Items);
    }

    [Fact]
    public void Angoff_cut_score_is_null_when_no_judge_estimated_every_question()
    {
        RatedItem[] items =
        [
            Item(1, true, new Rating(null, null, true, null, Angoff: 60), null),
            Item(2, true, null, new Rating(null, null, true, null, Angoff: 60)),
        ];

        var stats = PanelStatistics.Compute(items, [Instrument.Angoff]);

        Assert.Null(stats.Angoff);
        Assert.Equal(0, stats.AngoffJudges);
    }

    [Fact]
    public void Angoff_cut_score_is_null_without_questions_or_without_the_instrument()
    {
        var scenarioOnly = PanelStatistics.Compute([Item(1, false, new Rating(null, 4, null, null))], [Instrument.Relevance, Instrument.Angoff]);
        Assert.Null(scenarioOnly.Angoff);
        Assert.Equal(0, scenarioOnly.AngoffJudges);

        var notRated = PanelStatistics.Compute([Item(1, true, new Rating(null, 4, null, null, Angoff: 50))], [Instrument.Relevance]);
        Assert.Null(notRated.Angoff);
        Assert.Equal(0, notRated.AngoffJudges);
    }

    [Fact]
    public void One_judge_gives_a_cut_score_without_a_standard_error()
    {
        var stats = PanelStatistics.Compute([Item(1, true, new Rating(null, null, true, null, Angoff: 65)), Item(2, true, new Rating(null, null, true, null, Angoff: 35))], [Instrument.Angoff]);

        Assert.Equal(1.0, stats.Angoff!.CutScore, 12);
        Assert.Null(stats.Angoff.StandardError);
        Assert.Equal(1, stats.AngoffJudges);
    }

    [Fact]
    public void Nothing_rated_gives_nulls_not_nan()
    {
        var stats = PanelStatistics.Compute([Item(1, true), Item(2, false)], Instruments.All);

        Assert.Equal(2, stats.Items);
        Assert.Equal(0, stats.Raters);
        Assert.All(stats.Instruments, s =>
        {
            Assert.Equal(0, s.Items);
            Assert.Equal(0, s.Ratings);
            Assert.Equal(0, s.FleissItems);
        });
        AssertAllStatisticsNull(stats);
        Assert.Null(stats.ScaleCviAverage);
        Assert.Null(stats.Angoff);
    }

    [Fact]
    public void An_empty_set_of_items_gives_nulls_not_nan()
    {
        var stats = PanelStatistics.Compute([], Instruments.All);

        Assert.Equal(0, stats.Items);
        Assert.Equal(5, stats.Instruments.Count);
        AssertAllStatisticsNull(stats);
        Assert.Null(stats.Angoff);
    }

    [Fact]
    public void One_rating_per_item_gives_no_agreement_statistics()
    {
        RatedItem[] items = [Relevance(1, 4), Relevance(2, 1), Relevance(3, 3)];

        var relevance = Assert.Single(PanelStatistics.Compute(items, [Instrument.Relevance]).Instruments);

        Assert.Equal(3, relevance.Items);
        Assert.Equal(3, relevance.Ratings);
        Assert.Null(relevance.FleissKappa);
        Assert.Equal(0, relevance.FleissItems);
        Assert.Null(relevance.AlphaNominal);
        Assert.Null(relevance.AlphaOrdinal);
        Assert.Null(relevance.AlphaInterval);
    }

    [Fact]
    public void A_panel_giving_one_answer_throughout_has_no_agreement_statistics()
    {
        // Every rating the same: chance agreement is certain, so neither kappa nor alpha is defined.
        RatedItem[] items =
        [
            Item(1, true, new Rating(Essentiality.Essential, 4, true, null), new Rating(Essentiality.Essential, 4, true, null), new Rating(Essentiality.Essential, 4, true, null)),
            Item(2, true, new Rating(Essentiality.Essential, 4, true, null), new Rating(Essentiality.Essential, 4, true, null), new Rating(Essentiality.Essential, 4, true, null)),
        ];

        var stats = PanelStatistics.Compute(items, Instruments.Defaults);

        AssertAllStatisticsNull(stats);
        Assert.All(stats.Instruments, s => Assert.Equal(2, s.FleissItems));
        Assert.Equal(1.0, stats.ScaleCviAverage);
        Assert.Equal(1.0, stats.ScaleCviUniversal);
    }

    [Fact]
    public void Fleiss_kappa_is_undefined_when_every_rating_falls_in_one_category()
    {
        var result = FleissKappa.Compute([[3, 0], [3, 0]]);

        Assert.Equal(1.0, result.ObservedAgreement);
        Assert.Equal(1.0, result.ChanceAgreement);
        Assert.True(double.IsNaN(result.Kappa));
    }

    [Fact]
    public void Raters_are_counted_once_across_items_and_instruments_are_reported_in_order()
    {
        RatedItem[] items =
        [
            Item(1, true, new Rating(Essentiality.Essential, 4, true, null), null, new Rating(Essentiality.Essential, 3, true, null)),
            Item(2, true, null, new Rating(Essentiality.Essential, 4, true, null), new Rating(Essentiality.UsefulNotEssential, 4, true, null)),
        ];

        var stats = PanelStatistics.Compute(items, [Instrument.KeyCorrect, Instrument.Essentiality]);

        Assert.Equal(3, stats.Raters);
        Assert.Equal(2, stats.Items);
        Assert.Equal([Instrument.Essentiality, Instrument.KeyCorrect], stats.Instruments.Select(s => s.Instrument));
    }

    private static void AssertAlpha(double expected, double? actual)
    {
        Assert.False(double.IsNaN(expected), "The random data should give every alpha a value.");
        Assert.Equal(expected, actual!.Value, 12);
    }

    private static void AssertAllStatisticsNull(PanelStatistics stats) =>
        Assert.All(stats.Instruments, s =>
        {
            Assert.Null(s.FleissKappa);
            Assert.Null(s.AlphaNominal);
            Assert.Null(s.AlphaOrdinal);
            Assert.Null(s.AlphaInterval);
        });
}

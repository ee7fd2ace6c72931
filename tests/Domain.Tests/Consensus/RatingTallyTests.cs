using Quorum.Domain.Consensus;

namespace Quorum.Domain.Tests.Consensus;

/// <summary>
/// A tally always equals the counts of the ratings currently held, however they were added, replaced or removed;
/// each instrument's figures count only the raters who answered that instrument.
/// </summary>
public sealed class RatingTallyTests
{
    private static RatingTally TallyOf(IEnumerable<Rating> ratings)
    {
        var tally = new RatingTally();
        foreach (var rating in ratings)
        {
            tally.Add(rating);
        }

        return tally;
    }

    /// <summary>A random valid rating on a random subset of the instruments (as if panels and kinds differed).</summary>
    private static Rating RandomRating(Random random) => new(
        random.Next(4) == 0 ? null : (Essentiality)random.Next(3),
        random.Next(4) == 0 ? null : random.Next(1, 5),
        random.Next(4) == 0 ? null : random.Next(2) == 1,
        "Because.",
        random.Next(4) == 0 ? null : random.Next(1, 5),
        random.Next(4) == 0 ? null : random.Next(0, 101));

    [Fact]
    public void Counts_per_instrument_are_the_counts_of_the_answers_given()
    {
        var random = new Random(20_250_101);
        var ratings = Enumerable.Range(0, 200).Select(_ => RandomRating(random)).ToList();

        var stats = TallyOf(ratings).Statistics();

        Assert.Equal(200, stats.Raters);
        Assert.Equal(ratings.Count(r => r.Essentiality == Essentiality.Essential), stats.Essential);
        Assert.Equal(ratings.Count(r => r.Essentiality == Essentiality.UsefulNotEssential), stats.UsefulNotEssential);
        Assert.Equal(ratings.Count(r => r.Essentiality == Essentiality.NotNecessary), stats.NotNecessary);
        Assert.Equal([.. Enumerable.Range(1, 4).Select(v => ratings.Count(r => r.Relevance == v))], stats.Relevance);
        Assert.Equal([.. Enumerable.Range(1, 4).Select(v => ratings.Count(r => r.Clarity == v))], stats.Clarity);
        Assert.Equal(ratings.Count(r => r.KeyCorrect == true), stats.KeyAgree);
        Assert.Equal(ratings.Count(r => r.KeyCorrect == false), stats.KeyDisagree);
        Assert.Equal([.. Enumerable.Range(0, 10).Select(t => ratings.Count(r => r.Angoff is { } a && (a == 100 ? 9 : a / 10) == t))], stats.Angoff);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(9, 0)]
    [InlineData(10, 1)]
    [InlineData(55, 5)]
    [InlineData(89, 8)]
    [InlineData(90, 9)]
    [InlineData(99, 9)]
    [InlineData(100, 9)]
    public void Angoff_estimates_fall_in_tenths_with_100_in_the_top_one(int estimate, int tenth)
    {
        var expected = new int[10];
        expected[tenth] = 1;

        Assert.Equal(expected, TallyOf([new Rating(null, null, true, null, Angoff: estimate)]).Statistics().Angoff);
    }

    [Fact]
    public void Any_sequence_of_adds_replacements_and_removals_leaves_the_tally_of_the_ratings_held()
    {
        var random = new Random(7);
        var tally = new RatingTally();
        var held = new Dictionary<int, Rating>();
        for (var step = 0; step < 5_000; step++)
        {
            var rater = random.Next(40);
            var next = RandomRating(random);
            if (held.TryGetValue(rater, out var previous) && random.Next(5) == 0)
            {
                tally.Remove(previous);
                held.Remove(rater);
            }
            else
            {
                tally.Replace(held.GetValueOrDefault(rater), next);
                held[rater] = next;
            }
        }

        AssertSameStatistics(TallyOf(held.Values).Statistics(), tally.Statistics());
        Assert.Equal(held.Count, tally.Statistics().Raters);
    }

    [Fact]
    public void Removing_every_rating_returns_to_the_empty_tally()
    {
        var random = new Random(11);
        var ratings = Enumerable.Range(0, 50).Select(_ => RandomRating(random)).ToList();
        var tally = TallyOf(ratings);
        foreach (var rating in ratings)
        {
            tally.Remove(rating);
        }

        AssertSameStatistics(RatingStatistics.Empty, tally.Statistics());
        Assert.Equal(0, tally.AngoffSum);
        Assert.Equal(0, tally.AngoffSumOfSquares);
    }

    [Fact]
    public void The_empty_tally_has_no_shares_and_no_angoff_figures()
    {
        var empty = RatingStatistics.Empty;

        Assert.Equal(0, empty.Raters);
        Assert.Null(empty.KeyAgreement);
        Assert.Null(empty.ClarityAgreement);
        Assert.Null(empty.AngoffMean);
        Assert.Null(empty.AngoffSd);
        Assert.Null(empty.CriticalEssential);
        Assert.False(empty.MeetsCriticalValue);
    }

    [Fact]
    public void Angoff_mean_and_sample_sd_equal_a_direct_computation()
    {
        int[] estimates = [40, 55, 60, 75, 90];
        var tally = TallyOf(estimates.Select(a => new Rating(null, null, true, null, Angoff: a)));

        // Mean 64; squared deviations 576 + 81 + 16 + 121 + 676 = 1470 over 4 = 367.5.
        var stats = tally.Statistics();
        Assert.Equal(64.0, stats.AngoffMean!.Value, 12);
        Assert.Equal(Math.Sqrt(367.5), stats.AngoffSd!.Value, 12);
    }

    [Fact]
    public void Angoff_mean_and_sample_sd_follow_replacements_on_random_data()
    {
        var random = new Random(3);
        var tally = new RatingTally();
        var held = new Dictionary<int, Rating>();
        for (var step = 0; step < 2_000; step++)
        {
            var rater = random.Next(60);
            // Some raters answer without an Angoff estimate: they do not count towards its mean or SD.
            var next = new Rating(Essentiality.Essential, 4, true, null, Angoff: random.Next(3) == 0 ? null : random.Next(0, 101));
            tally.Replace(held.GetValueOrDefault(rater), next);
            held[rater] = next;

            var values = held.Values.Select(r => r.Angoff).OfType<int>().Select(a => (double)a).ToList();
            var stats = tally.Statistics();
            if (values.Count == 0)
            {
                Assert.Null(stats.AngoffMean);
                continue;
            }

            var mean = values.Sum() / values.Count;
            Assert.Equal(mean, stats.AngoffMean!.Value, 9);
            if (values.Count < 2)
            {
                Assert.Null(stats.AngoffSd);
            }
            else
            {
                Assert.Equal(Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)), stats.AngoffSd!.Value, 9);
            }
        }
    }

    [Fact]
    public void One_angoff_estimate_has_a_mean_but_no_sd_and_identical_ones_have_sd_zero()
    {
        var one = TallyOf([new Rating(null, null, true, null, Angoff: 70)]).Statistics();
        Assert.Equal(70.0, one.AngoffMean);
        Assert.Null(one.AngoffSd);

        var same = TallyOf(Enumerable.Repeat(new Rating(null, null, true, null, Angoff: 37), 1_000)).Statistics();
        Assert.Equal(37.0, same.AngoffMean!.Value, 12);
        Assert.Equal(0.0, same.AngoffSd!.Value, 12);
    }

    [Fact]
    public void Each_instrument_counts_only_the_raters_who_answered_it()
    {
        // Twelve raters: ten answer relevance (nine give 3-4: DOMAIN.md's N=10, A=9 example), five answer
        // essentiality (all essential: significant at N=5), four answer the key (three agree), three answer clarity
        // (two give 3-4), two give an Angoff estimate.
        var ratings = new List<Rating>();
        for (var i = 0; i < 12; i++)
        {
            ratings.Add(new Rating(
                i < 5 ? Essentiality.Essential : null,
                i < 9 ? 3 + (i % 2) : i == 9 ? 1 : null,
                i < 3 ? true : i == 3 ? false : null,
                "Because.",
                i < 2 ? 4 : i == 2 ? 2 : null,
                i < 2 ? 50 + (i * 20) : null));
        }

        var stats = TallyOf(ratings).Statistics();

        Assert.Equal(12, stats.Raters);
        Assert.Equal(0.90, stats.ItemContentValidityIndex, 12);
        Assert.Equal(0.90, stats.ModifiedKappa, 2);
        Assert.Equal(1.0, stats.ContentValidityRatio, 12);
        Assert.Equal(5, stats.CriticalEssential);
        Assert.Equal(1.0, stats.CriticalRatio!.Value, 12);
        Assert.True(stats.MeetsCriticalValue);
        Assert.Equal(0.75, stats.KeyAgreement!.Value, 12);
        Assert.Equal(2.0 / 3, stats.ClarityAgreement!.Value, 12);
        Assert.Equal(60.0, stats.AngoffMean!.Value, 12);
        Assert.Equal(Math.Sqrt(200), stats.AngoffSd!.Value, 12);
    }

    [Fact]
    public void The_modified_kappa_follows_domain_worked_example_for_eight_of_ten()
    {
        var ratings = Enumerable.Range(0, 10).Select(i => new Rating(null, i < 8 ? 4 : 2, null, "Because."));

        var stats = TallyOf(ratings).Statistics();

        Assert.Equal(0.80, stats.ItemContentValidityIndex, 12);
        Assert.Equal(0.79, stats.ModifiedKappa, 2);
    }

    [Fact]
    public void Critical_value_and_cvr_use_the_essentiality_raters()
    {
        // Twenty raters, but only ten answered essentiality, nine of them "essential": N=10 needs 9 (CVR .800).
        var ratings = Enumerable.Range(0, 20).Select(i => new Rating(i < 9 ? Essentiality.Essential : i == 9 ? Essentiality.UsefulNotEssential : null, 4, true, null));

        var stats = TallyOf(ratings).Statistics();

        Assert.Equal(9, stats.CriticalEssential);
        Assert.Equal(0.8, stats.CriticalRatio!.Value, 12);
        Assert.Equal(0.8, stats.ContentValidityRatio, 12);
        Assert.True(stats.MeetsCriticalValue);
    }

    [Fact]
    public void Statistics_are_a_snapshot_that_later_ratings_do_not_change()
    {
        var tally = TallyOf([new Rating(Essentiality.Essential, 4, true, null, Clarity: 4, Angoff: 50)]);
        var before = tally.Statistics();

        tally.Add(new Rating(Essentiality.Essential, 1, true, "Because.", Clarity: 1, Angoff: 95));

        Assert.Equal([0, 0, 0, 1], before.Relevance);
        Assert.Equal([0, 0, 0, 1], before.Clarity);
        Assert.Equal(1, before.Angoff[5]);
        Assert.Equal(0, before.Angoff[9]);
    }

    private static void AssertSameStatistics(RatingStatistics expected, RatingStatistics actual)
    {
        Assert.Equal(expected.Raters, actual.Raters);
        Assert.Equal(expected.Essential, actual.Essential);
        Assert.Equal(expected.UsefulNotEssential, actual.UsefulNotEssential);
        Assert.Equal(expected.NotNecessary, actual.NotNecessary);
        Assert.Equal(expected.Relevance, actual.Relevance);
        Assert.Equal(expected.KeyAgree, actual.KeyAgree);
        Assert.Equal(expected.KeyDisagree, actual.KeyDisagree);
        Assert.Equal(expected.Clarity, actual.Clarity);
        Assert.Equal(expected.Angoff, actual.Angoff);
        Assert.Equal(expected.ContentValidityRatio, actual.ContentValidityRatio, 12);
        Assert.Equal(expected.CriticalEssential, actual.CriticalEssential);
        Assert.Equal(expected.MeetsCriticalValue, actual.MeetsCriticalValue);
        Assert.Equal(expected.ItemContentValidityIndex, actual.ItemContentValidityIndex, 12);
        Assert.Equal(expected.ModifiedKappa, actual.ModifiedKappa, 12);
        Assert.Equal(expected.KeyAgreement, actual.KeyAgreement);
        Assert.Equal(expected.ClarityAgreement, actual.ClarityAgreement);
        Assert.Equal(expected.AngoffMean.HasValue, actual.AngoffMean.HasValue);
        Assert.Equal(expected.AngoffMean ?? 0, actual.AngoffMean ?? 0, 9);
        Assert.Equal(expected.AngoffSd.HasValue, actual.AngoffSd.HasValue);
        Assert.Equal(expected.AngoffSd ?? 0, actual.AngoffSd ?? 0, 9);
    }
}

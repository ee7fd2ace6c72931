using Quorum.Domain.Consensus;

namespace Quorum.Domain.Tests;

/// <summary>A rating is bounded and carries a reason whenever it is negative; tallies move by exactly one rating.</summary>
public sealed class RatingTests
{
    [Theory]
    [InlineData(Essentiality.NotNecessary, 3, true)]
    [InlineData(Essentiality.Essential, 2, true)]
    [InlineData(Essentiality.Essential, 1, true)]
    [InlineData(Essentiality.Essential, 4, false)]
    public void Negative_ratings_need_a_reason(Essentiality essentiality, int relevance, bool keyCorrect)
    {
        var problem = new Rating(essentiality, relevance, keyCorrect, null).Validate(Instruments.Defaults, isQuestion: true);
        Assert.Equal("reason", problem?.Field);
        Assert.Null(new Rating(essentiality, relevance, keyCorrect, "Because.").Validate(Instruments.Defaults, isQuestion: true));
    }

    [Fact]
    public void A_positive_rating_needs_no_reason() =>
        Assert.Null(new Rating(Essentiality.Essential, 4, true, null).Validate(Instruments.Defaults, isQuestion: true));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Relevance_is_one_to_four(int relevance) =>
        Assert.Equal("relevance", new Rating(Essentiality.Essential, relevance, true, "x").Validate(Instruments.Defaults, true)?.Field);

    [Fact]
    public void Unknown_essentiality_is_refused() =>
        Assert.Equal("essentiality", new Rating((Essentiality)7, 4, true, null).Validate(Instruments.Defaults, true)?.Field);

    [Fact]
    public void Questions_need_a_key_judgement_and_scenarios_have_none()
    {
        Assert.Equal("keyCorrect", new Rating(Essentiality.Essential, 4, null, null).Validate(Instruments.Defaults, isQuestion: true)?.Field);
        Assert.Equal("keyCorrect", new Rating(Essentiality.Essential, 4, true, null).Validate(Instruments.Defaults, isQuestion: false)?.Field);
        Assert.Null(new Rating(Essentiality.Essential, 4, null, null).Validate(Instruments.Defaults, isQuestion: false));
    }

    [Fact]
    public void Over_long_reason_is_refused() =>
        Assert.Equal("reason", new Rating(Essentiality.NotNecessary, 4, true, new string('x', Limits.ReasonLength + 1)).Validate(Instruments.Defaults, true)?.Field);

    [Fact]
    public void Replacing_a_rating_moves_the_tally_by_one_rating()
    {
        var tally = new RatingTally();
        var first = new Rating(Essentiality.Essential, 4, true, null);
        var second = new Rating(Essentiality.NotNecessary, 1, false, "Off framework");
        tally.Replace(null, first);
        tally.Replace(null, new Rating(Essentiality.UsefulNotEssential, 3, true, null));
        tally.Replace(first, second);

        var stats = tally.Statistics();
        Assert.Equal(2, stats.Raters);
        Assert.Equal(0, stats.Essential);
        Assert.Equal(1, stats.UsefulNotEssential);
        Assert.Equal(1, stats.NotNecessary);
        Assert.Equal([1, 0, 1, 0], stats.Relevance);
        Assert.Equal(1, stats.KeyAgree);
        Assert.Equal(1, stats.KeyDisagree);
        Assert.Equal(-1.0, stats.ContentValidityRatio);
        Assert.Equal(0.5, stats.ItemContentValidityIndex);
        Assert.Null(stats.CriticalEssential);
        Assert.False(stats.MeetsCriticalValue);
    }

    [Fact]
    public void Ten_raters_nine_essential_meet_the_critical_value()
    {
        var tally = new RatingTally();
        for (var i = 0; i < 9; i++)
        {
            tally.Add(new Rating(Essentiality.Essential, 4, true, null));
        }

        tally.Add(new Rating(Essentiality.UsefulNotEssential, 3, true, null));
        var stats = tally.Statistics();
        Assert.Equal(9, stats.CriticalEssential);
        Assert.True(stats.MeetsCriticalValue);
        Assert.Equal(0.8, stats.ContentValidityRatio, 12);
        Assert.Equal(1.0, stats.ItemContentValidityIndex);
    }
}

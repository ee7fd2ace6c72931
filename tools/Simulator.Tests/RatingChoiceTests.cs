using Quorum.Simulator.Experts;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Tests;

/// <summary>Every simulated rating is one the server must accept: a reason whenever the rules require one, no key judgement on a scenario.</summary>
public sealed class RatingChoiceTests
{
    [Fact]
    public void Ratings_needing_a_reason_always_carry_one()
    {
        var random = new Random(5);
        var ratings = Enumerable.Range(0, 10_000).Select(i => RatingChoice.Draw(random, hasKey: i % 5 != 0, () => "because")).ToList();

        Assert.All(ratings, r =>
        {
            Assert.InRange(r.Relevance, 1, 4);
            if (RatingChoice.NeedsReason(r.Essentiality, r.Relevance, r.KeyCorrect))
            {
                Assert.Equal("because", r.Reason);
            }
        });
        Assert.Contains(ratings, r => r.Essentiality == Essentiality.NotNecessary);
        Assert.Contains(ratings, r => r.KeyCorrect == false);
        Assert.Contains(ratings, r => r.Relevance == 1);
    }

    [Fact]
    public void Scenario_ratings_leave_the_key_unjudged()
    {
        var random = new Random(9);

        Assert.All(Enumerable.Range(0, 500).Select(_ => RatingChoice.Draw(random, hasKey: false, () => "why")), r => Assert.Null(r.KeyCorrect));
    }

    [Fact]
    public void Blank_or_long_reason_text_still_gives_an_acceptable_reason()
    {
        var random = new Random(1);
        var ratings = Enumerable.Range(0, 2_000).Select(i => RatingChoice.Draw(random, true, () => i % 2 == 0 ? " " : new string('x', 3_000))).ToList();

        Assert.All(ratings.Where(r => r.Reason is not null), r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Reason));
            Assert.InRange(r.Reason!.Length, 1, Limits.Reason);
        });
    }

    [Theory]
    [InlineData(Essentiality.Essential, 3, true, false)]
    [InlineData(Essentiality.NotNecessary, 4, true, true)]
    [InlineData(Essentiality.Essential, 2, true, true)]
    [InlineData(Essentiality.UsefulNotEssential, 4, false, true)]
    [InlineData(Essentiality.UsefulNotEssential, 3, null, false)]
    public void Reason_rule_matches_the_interface_document(Essentiality essentiality, int relevance, bool? keyCorrect, bool needed) =>
        Assert.Equal(needed, RatingChoice.NeedsReason(essentiality, relevance, keyCorrect));
}

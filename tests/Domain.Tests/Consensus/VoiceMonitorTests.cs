using Quorum.Domain.Consensus;

namespace Quorum.Domain.Tests.Consensus;

/// <summary>
/// Each group's share of each kind of contribution is set against its share of the panel; a group is flagged in a
/// kind only when its share is below half its panel share and the kind has at least ten contributions in all.
/// </summary>
public sealed class VoiceMonitorTests
{
    private static GroupContributions Group(string name, int members, int items = 0, int comments = 0, int challenges = 0, int ratings = 0) =>
        new(name, members, new Contributions(items, comments, challenges, ratings));

    [Fact]
    public void Shares_are_each_groups_part_of_the_panel_and_of_each_kind()
    {
        var voices = VoiceMonitor.Assess(
        [
            Group("Frontline", 5, items: 6, comments: 30, challenges: 2, ratings: 100),
            Group("Leaders", 3, items: 3, comments: 50, challenges: 6, ratings: 60),
            Group("Academics", 2, items: 1, comments: 20, challenges: 2, ratings: 40),
        ]);

        Assert.Equal(["Frontline", "Leaders", "Academics"], voices.Select(v => v.Group));
        Assert.Equal([5, 3, 2], voices.Select(v => v.Members));
        Assert.Equal([0.5, 0.3, 0.2], voices.Select(v => v.PanelShare));
        Assert.Equal([0.6, 0.3, 0.1], voices.Select(v => v.ItemShare));
        Assert.Equal([0.3, 0.5, 0.2], voices.Select(v => v.CommentShare));
        Assert.Equal([0.2, 0.6, 0.2], voices.Select(v => v.ChallengeShare));
        Assert.Equal([0.5, 0.3, 0.2], voices.Select(v => v.RatingShare));
    }

    [Fact]
    public void A_group_below_half_its_panel_share_is_behind_and_one_at_half_is_not()
    {
        // Panel of 10: Frontline 4 (.4), Leaders 2 (.2), Lawyers 2 (.2), Academics 2 (.2).
        // Comments, 20 in all: Frontline 3 = .15 (< .20, behind); Leaders 2 = .10 (= half of .20, not behind);
        // Lawyers 1 = .05 (behind); Academics 14.
        var voices = VoiceMonitor.Assess(
        [
            Group("Frontline", 4, comments: 3),
            Group("Leaders", 2, comments: 2),
            Group("Lawyers", 2, comments: 1),
            Group("Academics", 2, comments: 14),
        ]).ToDictionary(v => v.Group);

        Assert.Equal(["comments"], voices["Frontline"].Behind);
        Assert.True(voices["Frontline"].FallingBehind);
        Assert.Empty(voices["Leaders"].Behind);
        Assert.False(voices["Leaders"].FallingBehind);
        Assert.Equal(["comments"], voices["Lawyers"].Behind);
        Assert.Empty(voices["Academics"].Behind);
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void A_kind_with_fewer_than_ten_contributions_is_not_judged(int total, bool judged)
    {
        // Two equal groups; the second makes every contribution, the first none.
        var voices = VoiceMonitor.Assess([Group("Frontline", 1, ratings: 0), Group("Academics", 1, ratings: total)]);

        string[] expected = judged ? ["ratings"] : [];
        Assert.Equal(0.0, voices[0].RatingShare);
        Assert.Equal(expected, voices[0].Behind);
        Assert.Empty(voices[1].Behind);
    }

    [Fact]
    public void A_group_is_judged_per_kind_and_the_kinds_are_named_in_order()
    {
        var voices = VoiceMonitor.Assess(
        [
            Group("Frontline", 5, items: 0, comments: 0, challenges: 0, ratings: 0),
            Group("Leaders", 5, items: 10, comments: 10, challenges: 10, ratings: 10),
        ]);

        Assert.Equal(["items", "comments", "challenges", "ratings"], voices[0].Behind);
        Assert.Empty(voices[1].Behind);
    }

    [Fact]
    public void Only_the_kinds_with_enough_contributions_are_flagged()
    {
        // Items: 9 in all (not judged); comments: 40 in all (judged).
        var voices = VoiceMonitor.Assess(
        [
            Group("Frontline", 5, items: 0, comments: 1),
            Group("Leaders", 5, items: 9, comments: 39),
        ]);

        Assert.Equal(["comments"], voices[0].Behind);
    }

    [Fact]
    public void A_group_without_members_is_never_behind()
    {
        var voices = VoiceMonitor.Assess([Group("Lawyers", 0), Group("Academics", 4, comments: 50, ratings: 50)]);

        Assert.Equal(0.0, voices[0].PanelShare);
        Assert.Empty(voices[0].Behind);
        Assert.Equal(1.0, voices[1].PanelShare);
    }

    [Fact]
    public void A_panel_without_contributions_has_shares_of_zero_and_nobody_behind()
    {
        var voices = VoiceMonitor.Assess([Group("Frontline", 3), Group("Leaders", 1)]);

        Assert.All(voices, v =>
        {
            Assert.Equal(0.0, v.ItemShare);
            Assert.Equal(0.0, v.CommentShare);
            Assert.Equal(0.0, v.ChallengeShare);
            Assert.Equal(0.0, v.RatingShare);
            Assert.Empty(v.Behind);
        });
        Assert.Equal([0.75, 0.25], voices.Select(v => v.PanelShare));
    }

    [Fact]
    public void No_groups_give_no_voices() => Assert.Empty(VoiceMonitor.Assess([]));

    [Fact]
    public void A_large_minority_group_contributing_in_proportion_is_not_behind()
    {
        // 1 frontline worker among 39 others contributes 1 rating of 40: exactly its share.
        var voices = VoiceMonitor.Assess([Group("Frontline", 1, ratings: 1), Group("Leaders", 39, ratings: 39)]);

        Assert.Empty(voices[0].Behind);
        Assert.Equal(0.025, voices[0].RatingShare, 12);
    }

    [Fact]
    public void Contributions_add_kind_by_kind() =>
        Assert.Equal(new Contributions(3, 5, 7, 9), new Contributions(1, 2, 3, 4) + new Contributions(2, 3, 4, 5) + Contributions.None);
}

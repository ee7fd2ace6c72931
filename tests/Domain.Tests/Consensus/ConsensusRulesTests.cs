using Quorum.Domain.Consensus;

namespace Quorum.Domain.Tests.Consensus;

/// <summary>
/// An item is agreed exactly when it has enough raters and meets every rule whose instrument is in use, with the
/// thresholds of DOMAIN.md: Lawshe's exact critical counts, I-CVI .78, 75% agreement on the key.
/// </summary>
public sealed class ConsensusRulesTests
{
    private static readonly ConsensusRules CvrOnly = new(true, null, null, null, 1);

    /// <summary>
    /// The statistics of <paramref name="raters"/> ratings; the first raters answer each instrument positively, the next
    /// ones negatively, and the rest leave it unanswered.
    /// </summary>
    private static RatingStatistics Stats(
        int raters,
        int essential = 0,
        int notEssential = 0,
        int relevant = 0,
        int notRelevant = 0,
        int keyAgree = 0,
        int keyDisagree = 0,
        int clear = 0,
        int unclear = 0)
    {
        var tally = new RatingTally();
        for (var i = 0; i < raters; i++)
        {
            tally.Add(new Rating(
                i < essential ? Essentiality.Essential : i < essential + notEssential ? Essentiality.UsefulNotEssential : null,
                i < relevant ? 4 : i < relevant + notRelevant ? 2 : null,
                i < keyAgree ? true : i < keyAgree + keyDisagree ? false : null,
                "Because.",
                i < clear ? 3 : i < clear + unclear ? 1 : null));
        }

        return tally.Statistics();
    }

    private static RuleCheck Single(ConsensusDecision decision, string rule) => Assert.Single(decision.Checks, c => c.Rule == rule);

    [Fact]
    public void The_defaults_are_the_usual_thresholds()
    {
        var defaults = ConsensusRules.Defaults;

        Assert.True(defaults.RequireCriticalCvr);
        Assert.Equal(0.78, defaults.MinItemCvi);
        Assert.Equal(0.75, defaults.MinKeyAgreement);
        Assert.Null(defaults.MinClarityAgreement);
        Assert.Equal(5, defaults.MinRaters);
        Assert.Null(defaults.Validate());
    }

    [Theory]
    [InlineData(10, 9)]
    [InlineData(20, 15)]
    [InlineData(30, 20)]
    [InlineData(40, 26)]
    public void Essential_counts_meet_the_critical_value_from_domain_md_exactly(int raters, int needed)
    {
        // CVR = (n_e - N/2) / (N/2), computed here from DOMAIN.md's figures.
        double Cvr(int essential) => (essential - (raters / 2.0)) / (raters / 2.0);

        var enough = CvrOnly.Evaluate(Stats(raters, essential: needed, notEssential: raters - needed), [Instrument.Essentiality]);
        var short1 = CvrOnly.Evaluate(Stats(raters, essential: needed - 1, notEssential: raters - needed + 1), [Instrument.Essentiality]);

        Assert.True(enough.Agreed);
        Assert.True(Single(enough, "cvr").Met);
        Assert.Equal(Cvr(needed), Single(enough, "cvr").Value!.Value, 12);
        Assert.Equal(Cvr(needed), Single(enough, "cvr").Threshold!.Value, 12);
        Assert.False(short1.Agreed);
        Assert.False(Single(short1, "cvr").Met);
        Assert.Equal(Cvr(needed - 1), Single(short1, "cvr").Value!.Value, 12);
        Assert.Equal(Cvr(needed), Single(short1, "cvr").Threshold!.Value, 12);
        Assert.Equal(["cvr"], short1.FailedChecks().Select(c => c.Rule));
    }

    [Fact]
    public void The_cvr_check_says_in_words_what_was_needed_and_given()
    {
        var check = Single(CvrOnly.Evaluate(Stats(10, essential: 9, notEssential: 1), [Instrument.Essentiality]), "cvr");

        Assert.Equal("CVR 0.80; critical value 0.80 for 10 raters (9 essential needed, 9 given)", check.Text);
    }

    [Fact]
    public void Five_unanimous_raters_are_significant_and_four_never_are()
    {
        // P(X >= 5 | 5, .5) = 1/32 <= .05; P(X >= 4 | 4, .5) = 1/16 > .05.
        Assert.True(CvrOnly.Evaluate(Stats(5, essential: 5), [Instrument.Essentiality]).Agreed);

        var four = Single(CvrOnly.Evaluate(Stats(4, essential: 4), [Instrument.Essentiality]), "cvr");
        Assert.False(four.Met);
        Assert.Equal(1.0, four.Value);
        Assert.Null(four.Threshold);
        Assert.Equal("With 4 raters no count of \"essential\" is significant", four.Text);
        Assert.False(four.IsClose);
    }

    [Fact]
    public void The_critical_value_counts_the_raters_who_answered_essentiality()
    {
        // 40 raters in all, only 10 answered essentiality; 9 of those 10 is enough, whereas 9 of 40 would not be.
        var decision = CvrOnly.Evaluate(Stats(40, essential: 9, notEssential: 1), [Instrument.Essentiality]);

        Assert.True(decision.Agreed);
        Assert.Equal(0.8, Single(decision, "cvr").Threshold!.Value, 12);
    }

    [Theory]
    [InlineData(39, 50, true)] // .78 exactly
    [InlineData(78, 100, true)]
    [InlineData(77, 100, false)]
    [InlineData(38, 50, false)]
    [InlineData(7, 9, false)] // .778 rounds to .78 but is below it
    [InlineData(8, 10, true)]
    [InlineData(4, 5, true)]
    [InlineData(3, 4, false)]
    [InlineData(1, 1, true)]
    [InlineData(0, 6, false)]
    public void Item_cvi_must_reach_point_78(int relevant, int raters, bool met)
    {
        var rules = new ConsensusRules(false, 0.78, null, null, 1);

        var decision = rules.Evaluate(Stats(raters, relevant: relevant, notRelevant: raters - relevant), [Instrument.Relevance]);

        Assert.Equal(met, decision.Agreed);
        var check = Single(decision, "icvi");
        Assert.Equal(met, check.Met);
        Assert.Equal((double)relevant / raters, check.Value!.Value, 12);
        Assert.Equal(0.78, check.Threshold);
    }

    [Theory]
    [InlineData(3, 4, true)] // 75% exactly
    [InlineData(15, 20, true)]
    [InlineData(75, 100, true)]
    [InlineData(74, 100, false)]
    [InlineData(14, 20, false)]
    [InlineData(2, 3, false)]
    [InlineData(4, 4, true)]
    [InlineData(0, 5, false)]
    public void Key_agreement_must_reach_75_percent(int agree, int raters, bool met)
    {
        var rules = new ConsensusRules(false, null, 0.75, null, 1);

        var decision = rules.Evaluate(Stats(raters, keyAgree: agree, keyDisagree: raters - agree), [Instrument.KeyCorrect]);

        Assert.Equal(met, decision.Agreed);
        Assert.Equal(met, Single(decision, "key").Met);
        Assert.Equal((double)agree / raters, Single(decision, "key").Value!.Value, 12);
    }

    [Theory]
    [InlineData(4, 5, true)]
    [InlineData(3, 5, false)]
    public void Clarity_agreement_is_checked_when_the_panel_sets_it(int clear, int raters, bool met)
    {
        var rules = new ConsensusRules(false, null, null, 0.8, 1);

        var decision = rules.Evaluate(Stats(raters, clear: clear, unclear: raters - clear), [Instrument.Clarity]);

        Assert.Equal(met, decision.Agreed);
        Assert.Equal(met, Single(decision, "clarity").Met);
    }

    [Fact]
    public void Without_a_clarity_threshold_clarity_is_not_a_rule()
    {
        var decision = ConsensusRules.Defaults.Evaluate(Stats(6, clear: 0, unclear: 6), [Instrument.Clarity]);

        Assert.True(decision.Agreed);
        Assert.Equal(["raters"], decision.Checks.Select(c => c.Rule));
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    public void Fewer_raters_than_the_minimum_is_no_decision(int raters, bool met)
    {
        var rules = new ConsensusRules(false, null, null, null, 5);

        var decision = rules.Evaluate(Stats(raters), [Instrument.Essentiality, Instrument.Relevance]);

        Assert.Equal(met, decision.Agreed);
        var check = Single(decision, "raters");
        Assert.Equal(met, check.Met);
        Assert.Equal(raters, check.Value);
        Assert.Equal(5, check.Threshold);
        Assert.Equal($"{raters} rated; at least 5 needed", check.Text);
        Assert.False(check.IsClose);
    }

    [Fact]
    public void Rules_apply_only_to_instruments_in_use()
    {
        // Every rule of the defaults would fail on these answers, but the panel rates clarity only.
        var stats = Stats(6, essential: 0, notEssential: 6, relevant: 0, notRelevant: 6, keyAgree: 0, keyDisagree: 6);

        Assert.Equal(["raters"], ConsensusRules.Defaults.Evaluate(stats, [Instrument.Clarity]).Checks.Select(c => c.Rule));
        Assert.True(ConsensusRules.Defaults.Evaluate(stats, [Instrument.Clarity]).Agreed);
        Assert.True(ConsensusRules.Defaults.Evaluate(stats, [Instrument.Angoff]).Agreed);
        Assert.Equal(["raters", "cvr"], ConsensusRules.Defaults.Evaluate(stats, [Instrument.Essentiality]).Checks.Select(c => c.Rule));
        Assert.Equal(["raters", "icvi"], ConsensusRules.Defaults.Evaluate(stats, [Instrument.Relevance]).Checks.Select(c => c.Rule));
        Assert.Equal(["raters", "key"], ConsensusRules.Defaults.Evaluate(stats, [Instrument.KeyCorrect]).Checks.Select(c => c.Rule));
    }

    [Fact]
    public void A_scenario_is_agreed_without_a_key_rule()
    {
        var scenario = Instruments.For(Instruments.Defaults, isQuestion: false);

        var decision = ConsensusRules.Defaults.Evaluate(Stats(10, essential: 10, relevant: 10), scenario);

        Assert.True(decision.Agreed);
        Assert.Equal(["raters", "cvr", "icvi"], decision.Checks.Select(c => c.Rule));
    }

    [Fact]
    public void A_rule_in_use_without_any_answers_is_not_met()
    {
        var decision = ConsensusRules.Defaults.Evaluate(Stats(6, essential: 6), Instruments.Defaults);

        Assert.False(decision.Agreed);
        Assert.Equal(["icvi", "key"], decision.FailedChecks().Select(c => c.Rule));
        Assert.Null(Single(decision, "icvi").Value);
        Assert.Equal("I-CVI: no ratings", Single(decision, "icvi").Text);
        Assert.Equal("Key agreement: no ratings", Single(decision, "key").Text);
        Assert.False(Single(decision, "key").IsClose);
    }

    [Fact]
    public void An_item_meeting_every_rule_is_agreed_and_one_failing_some_lists_them()
    {
        var good = ConsensusRules.Defaults.Evaluate(Stats(10, essential: 9, notEssential: 1, relevant: 10, keyAgree: 10), Instruments.Defaults);
        Assert.True(good.Agreed);
        Assert.Equal(["raters", "cvr", "icvi", "key"], good.Checks.Select(c => c.Rule));
        Assert.Empty(good.FailedChecks());

        // 8 of 10 essential (9 needed), I-CVI .70, key 80%.
        var bad = ConsensusRules.Defaults.Evaluate(Stats(10, essential: 8, notEssential: 2, relevant: 7, notRelevant: 3, keyAgree: 8, keyDisagree: 2), Instruments.Defaults);
        Assert.False(bad.Agreed);
        Assert.Equal(["cvr", "icvi"], bad.FailedChecks().Select(c => c.Rule));
        Assert.Equal("I-CVI 0.70; at least 0.78 needed", Single(bad, "icvi").Text);
        Assert.Equal("Key agreement 0.80; at least 0.75 needed", Single(bad, "key").Text);
    }

    [Fact]
    public void Without_the_cvr_requirement_essentiality_is_not_a_rule() =>
        Assert.True(new ConsensusRules(false, null, null, null, 1).Evaluate(Stats(10, notEssential: 10), [Instrument.Essentiality]).Agreed);

    [Theory]
    [InlineData("key", 0.76, 0.75, true)]
    [InlineData("key", 0.72, 0.75, true)]
    [InlineData("key", 0.75, 0.75, true)]
    [InlineData("key", 0.90, 0.75, false)]
    [InlineData("key", 0.60, 0.75, false)]
    [InlineData("icvi", 0.74, 0.78, true)]
    [InlineData("icvi", 0.82, 0.78, true)]
    [InlineData("icvi", 0.70, 0.78, false)]
    [InlineData("cvr", 0.8, 0.8, true)]
    [InlineData("cvr", 1.0, 0.8, false)]
    [InlineData("raters", 4, 5, false)]
    [InlineData("raters", 5, 5, false)]
    public void A_value_within_five_points_of_its_threshold_is_close(string rule, double value, double threshold, bool close) =>
        Assert.Equal(close, new RuleCheck(rule, value >= threshold, value, threshold, "").IsClose);

    [Fact]
    public void Without_a_value_or_a_threshold_nothing_is_close()
    {
        Assert.False(new RuleCheck("icvi", false, null, 0.78, "").IsClose);
        Assert.False(new RuleCheck("cvr", false, 0.2, null, "").IsClose);
    }

    [Fact]
    public void Evaluate_marks_a_near_miss_close()
    {
        // I-CVI 7/9 = .778 against .78: failed, and close.
        var check = Single(new ConsensusRules(false, 0.78, null, null, 1).Evaluate(Stats(9, relevant: 7, notRelevant: 2), [Instrument.Relevance]), "icvi");

        Assert.False(check.Met);
        Assert.True(check.IsClose);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(78.0)]
    public void A_threshold_that_is_not_a_share_is_refused(double bad)
    {
        const string message = "A threshold is a share from 0 to 1 (for example 0.78).";
        var rules = ConsensusRules.Defaults;

        Assert.Equal(new InputProblem("minItemCvi", message), (rules with { MinItemCvi = bad }).Validate());
        Assert.Equal(new InputProblem("minKeyAgreement", message), (rules with { MinKeyAgreement = bad }).Validate());
        Assert.Equal(new InputProblem("minClarityAgreement", message), (rules with { MinClarityAgreement = bad }).Validate());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.5)]
    public void Shares_from_zero_to_one_are_accepted(double share) =>
        Assert.Null(new ConsensusRules(false, share, share, share, 1).Validate());

    [Fact]
    public void Unset_thresholds_are_accepted() => Assert.Null(new ConsensusRules(false, null, null, null, 1).Validate());

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    [InlineData(ConsensusRules.MaxMinRaters, true)]
    [InlineData(ConsensusRules.MaxMinRaters + 1, false)]
    [InlineData(int.MinValue, false)]
    public void The_fewest_raters_is_from_one_to_a_thousand(int minRaters, bool accepted)
    {
        var problem = (ConsensusRules.Defaults with { MinRaters = minRaters }).Validate();

        Assert.Equal(accepted ? null : new InputProblem("minRaters", "The fewest raters for a decision is a whole number from 1 to 1000."), problem);
    }
}

using Quorum.Domain.Consensus;

namespace Quorum.Domain.Tests.Consensus;

/// <summary>
/// A rating answers exactly the instruments that apply to the item (the panel's, less the key and Angoff for a
/// scenario), each within its scale, and gives a reason of bounded length whenever a judgement is negative.
/// </summary>
public sealed class RatingValidationTests
{
    private const string Because = "Off the framework.";

    /// <summary>A positive answer on each of <paramref name="instruments"/> and nothing else.</summary>
    private static Rating Answering(IEnumerable<Instrument> instruments)
    {
        var set = instruments.ToHashSet();
        return new Rating(
            set.Contains(Instrument.Essentiality) ? Essentiality.Essential : null,
            set.Contains(Instrument.Relevance) ? 4 : null,
            set.Contains(Instrument.KeyCorrect) ? true : null,
            null,
            set.Contains(Instrument.Clarity) ? 4 : null,
            set.Contains(Instrument.Angoff) ? 60 : null);
    }

    private static Rating With(Rating rating, Instrument instrument, int? value) => instrument switch
    {
        Instrument.Essentiality => rating with { Essentiality = (Essentiality?)value },
        Instrument.Relevance => rating with { Relevance = value },
        Instrument.KeyCorrect => rating with { KeyCorrect = value is { } v ? v != 0 : null },
        Instrument.Clarity => rating with { Clarity = value },
        Instrument.Angoff => rating with { Angoff = value },
        _ => throw new ArgumentOutOfRangeException(nameof(instrument)),
    };

    public static TheoryData<Instrument[], bool> EveryPanelAndKind()
    {
        var data = new TheoryData<Instrument[], bool>();
        for (var mask = 1; mask < 1 << Instruments.All.Count; mask++)
        {
            var panel = Instruments.All.Where(i => (mask & (1 << (int)i)) != 0).ToArray();
            data.Add(panel, true);
            data.Add(panel, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPanelAndKind))]
    public void A_positive_answer_on_exactly_the_instruments_that_apply_is_accepted(Instrument[] panel, bool isQuestion)
    {
        var problem = Answering(Instruments.For(panel, isQuestion)).Validate(panel, isQuestion);
        if (Instruments.For(panel, isQuestion).Count == 0)
        {
            // Nothing to rate: a scenario in a panel that rates only the key and Angoff.
            Assert.Equal("rating", problem?.Field);
        }
        else
        {
            Assert.Null(problem);
        }
    }

    [Theory]
    [MemberData(nameof(EveryPanelAndKind))]
    public void Every_instrument_that_applies_must_be_answered(Instrument[] panel, bool isQuestion)
    {
        foreach (var instrument in Instruments.For(panel, isQuestion))
        {
            var rating = With(Answering(Instruments.For(panel, isQuestion)), instrument, null);

            Assert.Equal(Rating.FieldName(instrument), rating.Validate(panel, isQuestion)?.Field);
        }
    }

    [Theory]
    [MemberData(nameof(EveryPanelAndKind))]
    public void An_answer_on_an_instrument_the_panel_does_not_use_is_refused(Instrument[] panel, bool isQuestion)
    {
        foreach (var unused in Instruments.All.Except(panel))
        {
            // Angoff 0 and "disagree" are answers too, not absences.
            var rating = With(Answering(Instruments.For(panel, isQuestion)), unused, 0) with { Reason = Because };

            var problem = rating.Validate(panel, isQuestion);

            Assert.Equal(Rating.FieldName(unused), problem?.Field);
            Assert.Equal(
                unused.NeedsQuestion() && !isQuestion ? $"A scenario is not rated for {Describe(unused)}." : $"This panel does not rate {Describe(unused)}.",
                problem?.Message);
        }
    }

    [Theory]
    [InlineData(Instrument.KeyCorrect, 1, "A scenario is not rated for whether the key is correct.")]
    [InlineData(Instrument.KeyCorrect, 0, "A scenario is not rated for whether the key is correct.")]
    [InlineData(Instrument.Angoff, 0, "A scenario is not rated for an Angoff estimate.")]
    [InlineData(Instrument.Angoff, 80, "A scenario is not rated for an Angoff estimate.")]
    public void A_scenario_refuses_a_key_judgement_or_an_angoff_estimate_even_when_the_panel_uses_them(Instrument instrument, int value, string message)
    {
        var rating = With(Answering(Instruments.For(Instruments.All, isQuestion: false)), instrument, value) with { Reason = Because };

        Assert.Equal(new InputProblem(Rating.FieldName(instrument), message), rating.Validate(Instruments.All, isQuestion: false));
    }

    [Theory]
    [InlineData(Instrument.Essentiality, -1)]
    [InlineData(Instrument.Essentiality, 3)]
    [InlineData(Instrument.Essentiality, 100)]
    [InlineData(Instrument.Relevance, int.MinValue)]
    [InlineData(Instrument.Relevance, -1)]
    [InlineData(Instrument.Relevance, 0)]
    [InlineData(Instrument.Relevance, 5)]
    [InlineData(Instrument.Relevance, int.MaxValue)]
    [InlineData(Instrument.Clarity, int.MinValue)]
    [InlineData(Instrument.Clarity, -1)]
    [InlineData(Instrument.Clarity, 0)]
    [InlineData(Instrument.Clarity, 5)]
    [InlineData(Instrument.Clarity, int.MaxValue)]
    [InlineData(Instrument.Angoff, int.MinValue)]
    [InlineData(Instrument.Angoff, -1)]
    [InlineData(Instrument.Angoff, 101)]
    [InlineData(Instrument.Angoff, 1000)]
    [InlineData(Instrument.Angoff, int.MaxValue)]
    public void An_answer_off_its_scale_is_refused(Instrument instrument, int value)
    {
        // With a reason, so that only the scale can be at fault.
        var rating = With(Answering(Instruments.All), instrument, value) with { Reason = Because };

        var problem = rating.Validate(Instruments.All, isQuestion: true);

        Assert.Equal(Rating.FieldName(instrument), problem?.Field);
        Assert.Equal(
            instrument switch
            {
                Instrument.Essentiality => "Essentiality must be essential, useful but not essential, or not necessary.",
                Instrument.Relevance => "Relevance must be a whole number from 1 to 4.",
                Instrument.Clarity => "Clarity must be a whole number from 1 to 4.",
                _ => "The Angoff estimate is a whole percentage from 0 to 100.",
            },
            problem?.Message);
    }

    [Theory]
    [InlineData(Instrument.Essentiality, 0)]
    [InlineData(Instrument.Essentiality, 1)]
    [InlineData(Instrument.Essentiality, 2)]
    [InlineData(Instrument.Relevance, 1)]
    [InlineData(Instrument.Relevance, 2)]
    [InlineData(Instrument.Relevance, 3)]
    [InlineData(Instrument.Relevance, 4)]
    [InlineData(Instrument.KeyCorrect, 0)]
    [InlineData(Instrument.KeyCorrect, 1)]
    [InlineData(Instrument.Clarity, 1)]
    [InlineData(Instrument.Clarity, 2)]
    [InlineData(Instrument.Clarity, 3)]
    [InlineData(Instrument.Clarity, 4)]
    [InlineData(Instrument.Angoff, 0)]
    [InlineData(Instrument.Angoff, 1)]
    [InlineData(Instrument.Angoff, 50)]
    [InlineData(Instrument.Angoff, 99)]
    [InlineData(Instrument.Angoff, 100)]
    public void Every_value_on_a_scale_is_accepted(Instrument instrument, int value) =>
        Assert.Null((With(Answering(Instruments.All), instrument, value) with { Reason = Because }).Validate(Instruments.All, isQuestion: true));

    [Theory]
    [InlineData(Instrument.Essentiality, 2, true)] // not necessary
    [InlineData(Instrument.Essentiality, 1, false)] // useful but not essential
    [InlineData(Instrument.Essentiality, 0, false)]
    [InlineData(Instrument.Relevance, 1, true)]
    [InlineData(Instrument.Relevance, 2, true)]
    [InlineData(Instrument.Relevance, 3, false)]
    [InlineData(Instrument.Relevance, 4, false)]
    [InlineData(Instrument.Clarity, 1, true)]
    [InlineData(Instrument.Clarity, 2, true)]
    [InlineData(Instrument.Clarity, 3, false)]
    [InlineData(Instrument.Clarity, 4, false)]
    [InlineData(Instrument.KeyCorrect, 0, true)] // disagree
    [InlineData(Instrument.KeyCorrect, 1, false)]
    [InlineData(Instrument.Angoff, 0, false)] // a hard question is not a negative judgement
    [InlineData(Instrument.Angoff, 100, false)]
    public void A_negative_judgement_needs_a_reason(Instrument instrument, int value, bool needsReason)
    {
        var rating = With(Answering(Instruments.All), instrument, value);

        Assert.Equal(needsReason, rating.NeedsReason);
        foreach (var missing in new[] { null, "", "   ", "\t\n" })
        {
            var problem = (rating with { Reason = missing }).Validate(Instruments.All, isQuestion: true);
            Assert.Equal(needsReason ? "reason" : null, problem?.Field);
        }

        Assert.Null((rating with { Reason = Because }).Validate(Instruments.All, isQuestion: true));
    }

    [Fact]
    public void The_missing_reason_message_names_the_negative_judgements()
    {
        var problem = new Rating(Essentiality.Essential, 4, true, null, Clarity: 2).Validate([Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect, Instrument.Clarity], true);

        Assert.Equal(new InputProblem("reason", "Give a reason for rating an item not necessary, of low relevance or clarity, or with a wrong key."), problem);
    }

    [Fact]
    public void Clarity_two_needs_a_reason_on_a_scenario_too() =>
        Assert.Equal("reason", new Rating(null, null, null, null, Clarity: 2).Validate([Instrument.Clarity], isQuestion: false)?.Field);

    [Fact]
    public void A_reason_of_the_longest_length_is_accepted_and_one_character_more_is_refused()
    {
        var negative = new Rating(Essentiality.NotNecessary, 4, true, null);

        Assert.Null((negative with { Reason = new string('x', Limits.ReasonLength) }).Validate(Instruments.Defaults, true));
        var problem = (negative with { Reason = new string('x', Limits.ReasonLength + 1) }).Validate(Instruments.Defaults, true);
        Assert.Equal("reason", problem?.Field);
        Assert.Contains($"at most {Limits.ReasonLength} characters", problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_over_long_reason_is_refused_even_where_no_reason_is_needed() =>
        Assert.Equal("reason", new Rating(Essentiality.Essential, 4, true, new string('x', Limits.ReasonLength + 1)).Validate(Instruments.Defaults, true)?.Field);

    [Fact]
    public void A_reason_counts_characters_as_a_person_does_an_emoji_is_one()
    {
        // 1,000 emoji are 1,000 characters (2,000 UTF-16 code units), as every other text limit counts them.
        var negative = new Rating(Essentiality.NotNecessary, 4, true, null);

        Assert.Null((negative with { Reason = string.Concat(Enumerable.Repeat("\U0001F600", Limits.ReasonLength)) }).Validate(Instruments.Defaults, true));
        Assert.Equal("reason", (negative with { Reason = string.Concat(Enumerable.Repeat("\U0001F600", Limits.ReasonLength + 1)) }).Validate(Instruments.Defaults, true)?.Field);
    }

    [Fact]
    public void A_reason_with_a_control_character_is_refused_as_in_every_other_text()
    {
        var negative = new Rating(Essentiality.NotNecessary, 4, true, null);

        Assert.Equal("reason", (negative with { Reason = "Off\u0000 framework" }).Validate(Instruments.Defaults, true)?.Field);
        Assert.Null((negative with { Reason = "Off\r\nframework\tand dated" }).Validate(Instruments.Defaults, true));
    }

    [Fact]
    public void Value_gives_each_answer_as_a_number()
    {
        var rating = new Rating(Essentiality.UsefulNotEssential, 3, false, Because, Clarity: 2, Angoff: 45);

        Assert.Equal(1.0, rating.Value(Instrument.Essentiality));
        Assert.Equal(3.0, rating.Value(Instrument.Relevance));
        Assert.Equal(0.0, rating.Value(Instrument.KeyCorrect));
        Assert.Equal(2.0, rating.Value(Instrument.Clarity));
        Assert.Equal(45.0, rating.Value(Instrument.Angoff));
        Assert.Equal(1.0, (rating with { KeyCorrect = true }).Value(Instrument.KeyCorrect));
        Assert.Equal(2.0, (rating with { Essentiality = Essentiality.NotNecessary }).Value(Instrument.Essentiality));
        var empty = new Rating(null, null, null, null);
        Assert.All(Instruments.All, i => Assert.Null(empty.Value(i)));
    }

    [Theory]
    [InlineData(Instrument.Essentiality, "essentiality")]
    [InlineData(Instrument.Relevance, "relevance")]
    [InlineData(Instrument.KeyCorrect, "keyCorrect")]
    [InlineData(Instrument.Clarity, "clarity")]
    [InlineData(Instrument.Angoff, "angoff")]
    public void Field_names_are_the_json_names(Instrument instrument, string name) => Assert.Equal(name, Rating.FieldName(instrument));

    private static string Describe(Instrument instrument) => instrument switch
    {
        Instrument.Essentiality => "essentiality",
        Instrument.Relevance => "relevance",
        Instrument.KeyCorrect => "whether the key is correct",
        Instrument.Clarity => "clarity",
        _ => "an Angoff estimate",
    };
}

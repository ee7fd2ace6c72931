using Quorum.Domain.Consensus;

namespace Quorum.Domain.Tests.Consensus;

/// <summary>
/// A panel chooses at least one known instrument, each once; a question is rated on all of the panel's instruments,
/// a scenario on those that do not need a key or an answer.
/// </summary>
public sealed class InstrumentTests
{
    [Theory]
    [InlineData(Instrument.Essentiality, false)]
    [InlineData(Instrument.Relevance, false)]
    [InlineData(Instrument.KeyCorrect, true)]
    [InlineData(Instrument.Clarity, false)]
    [InlineData(Instrument.Angoff, true)]
    public void Only_the_key_and_angoff_need_a_question(Instrument instrument, bool needsQuestion) =>
        Assert.Equal(needsQuestion, instrument.NeedsQuestion());

    [Fact]
    public void All_lists_each_of_the_five_instruments_once() =>
        Assert.Equal(
            [Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect, Instrument.Clarity, Instrument.Angoff],
            Instruments.All.Order());

    [Fact]
    public void A_new_panel_rates_essentiality_relevance_and_the_key() =>
        Assert.Equal([Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect], Instruments.Defaults);

    [Fact]
    public void A_question_is_rated_on_every_instrument_of_the_panel_in_a_fixed_order() =>
        Assert.Equal(
            [Instrument.Relevance, Instrument.KeyCorrect, Instrument.Angoff],
            Instruments.For([Instrument.Angoff, Instrument.Relevance, Instrument.KeyCorrect], isQuestion: true));

    [Fact]
    public void A_scenario_is_not_rated_on_the_key_or_angoff() =>
        Assert.Equal(
            [Instrument.Essentiality, Instrument.Relevance, Instrument.Clarity],
            Instruments.For(Instruments.All, isQuestion: false));

    [Fact]
    public void A_panel_that_only_judges_keys_and_angoff_has_nothing_to_ask_of_a_scenario()
    {
        Assert.Empty(Instruments.For([Instrument.KeyCorrect, Instrument.Angoff], isQuestion: false));
        Assert.Equal([Instrument.KeyCorrect, Instrument.Angoff], Instruments.For([Instrument.Angoff, Instrument.KeyCorrect], isQuestion: true));
    }

    [Fact]
    public void For_leaves_out_instruments_the_panel_does_not_use() =>
        Assert.Equal([Instrument.Clarity], Instruments.For([Instrument.Clarity], isQuestion: true));

    [Fact]
    public void Every_instrument_alone_and_all_together_are_acceptable_choices()
    {
        Assert.Null(Instruments.Check(Instruments.All));
        Assert.Null(Instruments.Check(Instruments.Defaults));
        foreach (var instrument in Instruments.All)
        {
            Assert.Null(Instruments.Check([instrument]));
        }
    }

    [Fact]
    public void No_instrument_at_all_is_refused()
    {
        Assert.Equal(new InputProblem("instruments", "Choose at least one rating instrument."), Instruments.Check(null));
        Assert.Equal(new InputProblem("instruments", "Choose at least one rating instrument."), Instruments.Check([]));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void An_unknown_instrument_is_refused(int value)
    {
        var problem = Instruments.Check([Instrument.Relevance, (Instrument)value]);

        Assert.Equal("instruments", problem?.Field);
        Assert.Equal("An instrument is essentiality, relevance, keyCorrect, clarity or angoff.", problem?.Message);
    }

    [Fact]
    public void An_instrument_listed_twice_is_refused()
    {
        var problem = Instruments.Check([Instrument.Relevance, Instrument.Clarity, Instrument.Relevance]);

        Assert.Equal(new InputProblem("instruments", "An instrument is listed twice."), problem);
    }
}

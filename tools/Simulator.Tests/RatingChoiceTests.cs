using Quorum.Simulator.Experts;
using Quorum.Simulator.Server.Api;
using DomainEssentiality = Quorum.Domain.Consensus.Essentiality;
using DomainInstrument = Quorum.Domain.Consensus.Instrument;
using DomainRating = Quorum.Domain.Consensus.Rating;

namespace Quorum.Simulator.Tests;

/// <summary>
/// Every simulated rating is one the server must accept: it answers exactly the round's instruments, carries a reason
/// whenever the server's rule requires one, and its values lie on each instrument's scale; a revised item rates better.
/// </summary>
public sealed class RatingChoiceTests
{
    public static TheoryData<Instrument[]> InstrumentSets => new()
    {
        new[] { Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect },
        new[] { Instrument.Essentiality, Instrument.Relevance }, // a scenario on the default panel: no key
        new[] { Instrument.Clarity, Instrument.Angoff },
        new[] { Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect, Instrument.Clarity, Instrument.Angoff },
    };

    [Theory]
    [MemberData(nameof(InstrumentSets))]
    public void Every_rating_passes_the_servers_own_validation(Instrument[] instruments)
    {
        var random = new Random(5);
        var domainInstruments = instruments.Select(i => (DomainInstrument)(int)i).ToList();
        var isQuestion = instruments.Contains(Instrument.KeyCorrect) || instruments.Contains(Instrument.Angoff);

        for (var i = 0; i < 5_000; i++)
        {
            var rating = RatingChoice.Draw(random, instruments, previous: null, () => "because");
            var server = new DomainRating((DomainEssentiality?)(int?)rating.Essentiality, rating.Relevance, rating.KeyCorrect, rating.Reason, rating.Clarity, rating.Angoff);

            Assert.Null(server.Validate(domainInstruments, isQuestion));
            Assert.Equal(server.NeedsReason, RatingChoice.NeedsReason(rating));
            if (server.NeedsReason)
            {
                Assert.Equal("because", rating.Reason);
            }
        }
    }

    [Fact]
    public void Dissent_on_every_instrument_occurs()
    {
        var random = new Random(9);
        Instrument[] all = [Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect, Instrument.Clarity, Instrument.Angoff];
        var ratings = Enumerable.Range(0, 5_000).Select(_ => RatingChoice.Draw(random, all, null, () => "why")).ToList();

        Assert.Contains(ratings, r => r.Essentiality == Essentiality.NotNecessary);
        Assert.Contains(ratings, r => r.Relevance == 1);
        Assert.Contains(ratings, r => r.KeyCorrect == false);
        Assert.Contains(ratings, r => r.Clarity == 1);
        Assert.InRange(ratings.Min(r => r.Angoff!.Value), 0, 50);
        Assert.InRange(ratings.Max(r => r.Angoff!.Value), 80, 100);
    }

    [Fact]
    public void A_revised_item_is_rated_essential_more_often()
    {
        Instrument[] instruments = [Instrument.Essentiality];
        var unrated = new RatingStatistics(0, 0, 0, 0, [0, 0, 0, 0], 0, 0, 0, null, null, false, 0, 0, [0, 0, 0, 0], null, null, new int[10], null, null);
        var feedback = new RoundFeedback(Guid.NewGuid(), "Round 1", unrated, new ConsensusDecision(false, []), ItemStatus.NeedsRevision, [], null, DateTimeOffset.UnixEpoch);

        var first = Share(new Random(3), null);
        var second = Share(new Random(3), feedback);

        Assert.InRange(first, 0.60, 0.70);
        Assert.InRange(second, 0.80, 0.90);

        double Share(Random random, RoundFeedback? previous) =>
            Enumerable.Range(0, 10_000).Count(_ => RatingChoice.Draw(random, instruments, previous, () => "x").Essentiality == Essentiality.Essential) / 10_000.0;
    }

    [Fact]
    public void Blank_or_long_reason_text_still_gives_an_acceptable_reason()
    {
        var random = new Random(1);
        Instrument[] instruments = [Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect];
        var ratings = Enumerable.Range(0, 2_000).Select(i => RatingChoice.Draw(random, instruments, null, () => i % 2 == 0 ? " " : new string('x', 3_000))).ToList();

        Assert.All(ratings.Where(r => r.Reason is not null), r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Reason));
            Assert.InRange(r.Reason!.Length, 1, Limits.Reason);
        });
    }

    [Fact]
    public void The_simulators_instruments_and_essentiality_are_the_servers_in_order()
    {
        Assert.Equal(Enum.GetNames<DomainInstrument>(), Enum.GetNames<Instrument>());
        Assert.Equal(Enum.GetNames<DomainEssentiality>(), Enum.GetNames<Essentiality>());
    }
}

using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Experts;

/// <summary>
/// A plausible rating on the instruments the round asks for: most experts find most items essential, relevant and
/// clear and agree with the key; the rest dissent, and a dissent always carries a reason (the panel's rule). An
/// item back for a second round has been revised after the panel's feedback, and the panel has seen how it rated
/// last time: its ratings lean further towards agreement.
/// </summary>
public static class RatingChoice
{
    public static Rating Draw(Random random, IReadOnlyCollection<Instrument> instruments, RoundFeedback? previous, Func<string> reason)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(reason);
        var revised = previous is not null;

        // Every number is drawn whatever the instruments, so one seed makes the same choices on any panel.
        var roll = random.NextDouble();
        var essentiality = roll < (revised ? 0.85 : 0.65) ? Essentiality.Essential
            : roll < (revised ? 0.96 : 0.90) ? Essentiality.UsefulNotEssential
            : Essentiality.NotNecessary;

        roll = random.NextDouble();
        var relevance = roll < (revised ? 0.60 : 0.45) ? 4 : roll < (revised ? 0.93 : 0.80) ? 3 : roll < (revised ? 0.98 : 0.93) ? 2 : 1;

        var keyCorrect = random.NextDouble() < (revised ? 0.96 : 0.88);

        roll = random.NextDouble();
        var clarity = roll < (revised ? 0.50 : 0.35) ? 4 : roll < (revised ? 0.92 : 0.78) ? 3 : roll < 0.97 ? 2 : 1;

        // Angoff: how many of a hundred minimally competent practitioners would answer it; roughly 40-90.
        var angoff = Math.Clamp((int)Math.Round(65 + (25 * (random.NextDouble() + random.NextDouble() - 1))), 0, 100);
        var voluntaryReason = random.NextDouble() < 0.2;

        var rating = new Rating(
            instruments.Contains(Instrument.Essentiality) ? essentiality : null,
            instruments.Contains(Instrument.Relevance) ? relevance : null,
            instruments.Contains(Instrument.KeyCorrect) ? keyCorrect : null,
            null,
            instruments.Contains(Instrument.Clarity) ? clarity : null,
            instruments.Contains(Instrument.Angoff) ? angoff : null);
        return NeedsReason(rating) || voluntaryReason ? rating with { Reason = Reason(reason()) } : rating;
    }

    /// <summary>The server's rule: not necessary, relevance or clarity 1 or 2, or disagreeing with the key.</summary>
    public static bool NeedsReason(Rating rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        return rating.Essentiality == Essentiality.NotNecessary || rating.Relevance <= 2 || rating.Clarity <= 2 || rating.KeyCorrect == false;
    }

    private static string Reason(string text) =>
        string.IsNullOrWhiteSpace(text) ? "See my comment on the item." : FieldText.Clean(text, Limits.Reason);
}

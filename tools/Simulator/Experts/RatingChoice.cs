using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Experts;

/// <summary>
/// A plausible rating: most experts find most items essential and relevant and agree with the key; the rest
/// dissent, and a dissent always carries a reason (the panel's rule).
/// </summary>
public static class RatingChoice
{
    public static Rating Draw(Random random, bool hasKey, Func<string> reason)
    {
        var roll = random.NextDouble();
        var essentiality = roll < 0.65 ? Essentiality.Essential : roll < 0.90 ? Essentiality.UsefulNotEssential : Essentiality.NotNecessary;

        roll = random.NextDouble();
        var relevance = roll < 0.45 ? 4 : roll < 0.80 ? 3 : roll < 0.93 ? 2 : 1;

        bool? keyCorrect = hasKey ? random.NextDouble() < 0.88 : null;

        var needsReason = NeedsReason(essentiality, relevance, keyCorrect);
        var text = needsReason || random.NextDouble() < 0.2 ? Reason(reason()) : null;
        return new Rating(essentiality, relevance, keyCorrect, text);
    }

    /// <summary>The rule of docs/api.md: not necessary, relevance 1 or 2, or disagreeing with the key.</summary>
    public static bool NeedsReason(Essentiality essentiality, int relevance, bool? keyCorrect) =>
        essentiality == Essentiality.NotNecessary || relevance <= 2 || keyCorrect == false;

    private static string Reason(string text) =>
        string.IsNullOrWhiteSpace(text) ? "See my comment on the item." : FieldText.Clean(text, Limits.Reason);
}

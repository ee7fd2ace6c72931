using System.Globalization;

namespace Quorum.Domain.Consensus;

/// <summary>
/// When an item counts as agreed at the close of a round, set by the panel's facilitators. Each rule applies only
/// when the item is rated on its instrument; an item is agreed when it has enough raters and meets every rule that
/// applies.
/// </summary>
/// <param name="RequireCriticalCvr">Lawshe: "essential" count at or above the exact binomial critical value for the raters.</param>
/// <param name="MinItemCvi">Lowest I-CVI (share rating relevance 3-4), usually .78.</param>
/// <param name="MinKeyAgreement">Lowest share agreeing that the key is correct, usually .75.</param>
/// <param name="MinClarityAgreement">Lowest share rating clarity 3-4.</param>
/// <param name="MinRaters">Fewest raters for a decision; fewer means the item needs another round.</param>
public sealed record ConsensusRules(
    bool RequireCriticalCvr,
    double? MinItemCvi,
    double? MinKeyAgreement,
    double? MinClarityAgreement,
    int MinRaters)
{
    public const int MaxMinRaters = 1_000;

    /// <summary>Lawshe's critical value, I-CVI .78, 75% key agreement, at least five raters.</summary>
    public static readonly ConsensusRules Defaults = new(true, ContentValidityIndex.AcceptableItemIndex, 0.75, null, 5);

    /// <summary>Share within which a value counts as close to its threshold (for the facilitator's attention).</summary>
    public const double CloseMargin = 0.05;

    public InputProblem? Validate()
    {
        foreach (var (name, share) in new[] { ("minItemCvi", MinItemCvi), ("minKeyAgreement", MinKeyAgreement), ("minClarityAgreement", MinClarityAgreement) })
        {
            if (share is { } value && (!double.IsFinite(value) || value is < 0 or > 1))
            {
                return new InputProblem(name, "A threshold is a share from 0 to 1 (for example 0.78).");
            }
        }

        return MinRaters is < 1 or > MaxMinRaters
            ? new InputProblem("minRaters", $"The fewest raters for a decision is a whole number from 1 to {MaxMinRaters}.")
            : null;
    }

    /// <summary>Checks an item's round statistics against the rules that apply to its instruments.</summary>
    public ConsensusDecision Evaluate(RatingStatistics statistics, IReadOnlyCollection<Instrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(instruments);
        var checks = new List<RuleCheck>
        {
            new("raters", statistics.Raters >= MinRaters, statistics.Raters, MinRaters,
                $"{statistics.Raters} rated; at least {MinRaters} needed"),
        };

        var essentialityRaters = statistics.Essential + statistics.UsefulNotEssential + statistics.NotNecessary;
        if (RequireCriticalCvr && instruments.Contains(Instrument.Essentiality))
        {
            checks.Add(statistics.CriticalRatio is { } critical
                ? new RuleCheck("cvr", statistics.MeetsCriticalValue, statistics.ContentValidityRatio, critical,
                    $"CVR {Format(statistics.ContentValidityRatio)}; critical value {Format(critical)} for {essentialityRaters} raters ({statistics.CriticalEssential} essential needed, {statistics.Essential} given)")
                : new RuleCheck("cvr", false, statistics.ContentValidityRatio, null,
                    $"With {essentialityRaters} raters no count of \"essential\" is significant"));
        }

        if (MinItemCvi is { } cvi && instruments.Contains(Instrument.Relevance))
        {
            checks.Add(Share("icvi", statistics.Relevance.Sum() == 0 ? null : statistics.ItemContentValidityIndex, cvi, "I-CVI"));
        }

        if (MinKeyAgreement is { } key && instruments.Contains(Instrument.KeyCorrect))
        {
            checks.Add(Share("key", statistics.KeyAgreement, key, "Key agreement"));
        }

        if (MinClarityAgreement is { } clarity && instruments.Contains(Instrument.Clarity))
        {
            checks.Add(Share("clarity", statistics.ClarityAgreement, clarity, "Clarity 3-4"));
        }

        return new ConsensusDecision(checks.TrueForAll(c => c.Met), checks);
    }

    private static RuleCheck Share(string rule, double? value, double threshold, string label) =>
        value is { } v
            ? new RuleCheck(rule, v >= threshold - 1e-12, v, threshold, $"{label} {Format(v)}; at least {Format(threshold)} needed")
            : new RuleCheck(rule, false, null, threshold, $"{label}: no ratings");

    private static string Format(double value) => value.ToString("0.00#", CultureInfo.InvariantCulture);
}

/// <summary>One rule applied to one item: whether it was met, the value and the threshold, in words.</summary>
public sealed record RuleCheck(string Rule, bool Met, double? Value, double? Threshold, string Text)
{
    /// <summary>True when the value lies within <see cref="ConsensusRules.CloseMargin"/> of its threshold, on either side.</summary>
    public bool IsClose => Rule != "raters" && Value is { } v && Threshold is { } t && Math.Abs(v - t) < ConsensusRules.CloseMargin;
}

/// <summary>What the rules say of an item: agreed, or needs revision with the rules it failed.</summary>
public sealed record ConsensusDecision(bool Agreed, IReadOnlyList<RuleCheck> Checks)
{
    /// <summary>The rules not met (a method, not a property: stored states keep data only).</summary>
    public IEnumerable<RuleCheck> FailedChecks() => Checks.Where(c => !c.Met);
}

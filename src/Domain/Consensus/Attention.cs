namespace Quorum.Domain.Consensus;

/// <summary>Why an item in review needs a facilitator's attention: contested, close to a threshold, challenged, or quiet.</summary>
public static class Attention
{
    /// <summary>An item in review with no rating, comment or edit for this long is quiet.</summary>
    public static readonly TimeSpan QuietAfter = TimeSpan.FromHours(24);

    /// <summary>Fewest ratings before a split says anything.</summary>
    public const int ContestedMinimum = 4;

    /// <param name="current">The open round's statistics, or null when the item is not in review.</param>
    /// <param name="preview">The rules applied to <paramref name="current"/>.</param>
    public static IReadOnlyList<string> Reasons(RatingStatistics? current, ConsensusDecision? preview, int openChallenges, DateTimeOffset lastActivity, DateTimeOffset now)
    {
        var reasons = new List<string>();
        if (openChallenges > 0)
        {
            reasons.Add(openChallenges == 1 ? "1 open challenge" : $"{openChallenges} open challenges");
        }

        if (current is null)
        {
            return reasons;
        }

        if (IsContested(current))
        {
            reasons.Add("Contested: the panel is split");
        }

        if (preview is not null)
        {
            reasons.AddRange(preview.Checks.Where(c => c.IsClose).Select(c => $"Close to a threshold: {c.Text}"));
        }

        if (now - lastActivity >= QuietAfter)
        {
            reasons.Add($"No activity for {(int)(now - lastActivity).TotalHours} hours");
        }

        return reasons;
    }

    /// <summary>True when the raters are split: no essentiality answer has half of them, or key agreement or I-CVI is between .3 and .7.</summary>
    public static bool IsContested(RatingStatistics s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var essentiality = s.Essential + s.UsefulNotEssential + s.NotNecessary;
        if (essentiality >= ContestedMinimum && Math.Max(s.Essential, Math.Max(s.UsefulNotEssential, s.NotNecessary)) * 2 < essentiality)
        {
            return true;
        }

        if (s.KeyAgree + s.KeyDisagree >= ContestedMinimum && s.KeyAgreement is > 0.3 and < 0.7)
        {
            return true;
        }

        return s.Relevance.Sum() >= ContestedMinimum && s.ItemContentValidityIndex is > 0.3 and < 0.7;
    }
}

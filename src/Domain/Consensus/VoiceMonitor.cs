namespace Quorum.Domain.Consensus;

/// <summary>What one person or group has contributed: items written, comments, challenges and ratings.</summary>
public sealed record Contributions(int Items, int Comments, int Challenges, int Ratings)
{
    public static readonly Contributions None = new(0, 0, 0, 0);

    public static Contributions operator +(Contributions a, Contributions b) =>
        new(a.Items + b.Items, a.Comments + b.Comments, a.Challenges + b.Challenges, a.Ratings + b.Ratings);
}

/// <summary>One group of the panel: its members (experts) and what they contributed.</summary>
public sealed record GroupContributions(string Group, int Members, Contributions Totals);

/// <summary>
/// A group's share of each kind of contribution against its share of the panel, and the kinds in which it is
/// falling behind (its share below <see cref="VoiceMonitor.BehindRatio"/> of its share of the panel).
/// </summary>
public sealed record GroupVoice(
    string Group,
    int Members,
    double PanelShare,
    double ItemShare,
    double CommentShare,
    double ChallengeShare,
    double RatingShare,
    IReadOnlyList<string> Behind)
{
    public bool FallingBehind => Behind.Count > 0;
}

/// <summary>Every voice heard: compares each group's contributions with its share of the panel's experts.</summary>
public static class VoiceMonitor
{
    /// <summary>A group is behind in a kind when its share is below this fraction of its share of the panel.</summary>
    public const double BehindRatio = 0.5;

    /// <summary>Too few contributions of a kind say nothing about anyone: below this total a kind is not judged.</summary>
    public const int MinimumTotal = 10;

    public static IReadOnlyList<GroupVoice> Assess(IReadOnlyList<GroupContributions> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var members = groups.Sum(g => g.Members);
        var totals = groups.Aggregate(Contributions.None, (sum, g) => sum + g.Totals);
        return [.. groups.Select(g =>
        {
            var panelShare = members == 0 ? 0 : (double)g.Members / members;
            var behind = new List<string>();
            var items = Judge("items", g.Totals.Items, totals.Items);
            var comments = Judge("comments", g.Totals.Comments, totals.Comments);
            var challenges = Judge("challenges", g.Totals.Challenges, totals.Challenges);
            var ratings = Judge("ratings", g.Totals.Ratings, totals.Ratings);
            return new GroupVoice(g.Group, g.Members, panelShare, items, comments, challenges, ratings, behind);

            double Judge(string kind, int count, int total)
            {
                var share = total == 0 ? 0 : (double)count / total;
                if (g.Members > 0 && total >= MinimumTotal && share < BehindRatio * panelShare)
                {
                    behind.Add(kind);
                }

                return share;
            }
        })];
    }
}

namespace Quorum.Domain.Consensus;

/// <summary>
/// Running counts for one item, updated per rating in constant time so that rating costs the same
/// whatever the size of the bank or the panel.
/// </summary>
public sealed class RatingTally
{
    public int Raters { get; set; }
    public int Essential { get; set; }
    public int UsefulNotEssential { get; set; }
    public int NotNecessary { get; set; }

    /// <summary>Counts of relevance 1, 2, 3 and 4.</summary>
    public int[] Relevance { get; set; } = new int[4];
    public int KeyAgree { get; set; }
    public int KeyDisagree { get; set; }

    public void Add(Rating rating) => Apply(rating, +1);

    public void Remove(Rating rating) => Apply(rating, -1);

    /// <summary>Replaces a panellist's previous rating (if any) with a new one.</summary>
    public void Replace(Rating? previous, Rating next)
    {
        if (previous is not null)
        {
            Remove(previous);
        }

        Add(next);
    }

    public RatingStatistics Statistics()
    {
        var relevant = Relevance[2] + Relevance[3];
        var critical = Lawshe.CriticalEssential(Raters);
        return new RatingStatistics(
            Raters,
            Essential,
            UsefulNotEssential,
            NotNecessary,
            [.. Relevance],
            KeyAgree,
            KeyDisagree,
            Lawshe.ContentValidityRatio(Essential, Raters),
            critical,
            critical is { } ne ? Lawshe.ContentValidityRatio(ne, Raters) : null,
            critical is { } needed && Essential >= needed,
            ContentValidityIndex.ItemIndex(relevant, Raters),
            ContentValidityIndex.ModifiedKappa(relevant, Raters));
    }

    private void Apply(Rating rating, int sign)
    {
        Raters += sign;
        switch (rating.Essentiality)
        {
            case Essentiality.Essential: Essential += sign; break;
            case Essentiality.UsefulNotEssential: UsefulNotEssential += sign; break;
            default: NotNecessary += sign; break;
        }

        Relevance[rating.Relevance - 1] += sign;
        if (rating.KeyCorrect == true)
        {
            KeyAgree += sign;
        }
        else if (rating.KeyCorrect == false)
        {
            KeyDisagree += sign;
        }
    }
}

/// <summary>What a facilitator sees of an item's ratings so far.</summary>
public sealed record RatingStatistics(
    int Raters,
    int Essential,
    int UsefulNotEssential,
    int NotNecessary,
    int[] Relevance,
    int KeyAgree,
    int KeyDisagree,
    double ContentValidityRatio,
    int? CriticalEssential,
    double? CriticalRatio,
    bool MeetsCriticalValue,
    double ItemContentValidityIndex,
    double ModifiedKappa);

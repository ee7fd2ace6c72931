namespace Quorum.Domain.Consensus;

/// <summary>
/// Running counts for one item in one round, updated per rating in constant time so that rating costs the same
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

    /// <summary>Counts of clarity 1, 2, 3 and 4.</summary>
    public int[] Clarity { get; set; } = new int[4];

    /// <summary>Angoff estimates in tenths: 0-9, 10-19, ... 90-100.</summary>
    public int[] Angoff { get; set; } = new int[10];
    public long AngoffSum { get; set; }
    public long AngoffSumOfSquares { get; set; }

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
        var relevanceRaters = Relevance.Sum();
        var relevant = Relevance[2] + Relevance[3];
        var essentialityRaters = Essential + UsefulNotEssential + NotNecessary;
        var critical = Lawshe.CriticalEssential(essentialityRaters);
        var clarityRaters = Clarity.Sum();
        var angoffRaters = Angoff.Sum();
        var keyRaters = KeyAgree + KeyDisagree;
        double? angoffMean = angoffRaters == 0 ? null : (double)AngoffSum / angoffRaters;
        double? angoffSd = angoffRaters < 2
            ? null
            : Math.Sqrt(Math.Max(0, (AngoffSumOfSquares - ((double)AngoffSum * AngoffSum / angoffRaters)) / (angoffRaters - 1)));
        return new RatingStatistics(
            Raters,
            Essential,
            UsefulNotEssential,
            NotNecessary,
            [.. Relevance],
            KeyAgree,
            KeyDisagree,
            Lawshe.ContentValidityRatio(Essential, essentialityRaters),
            critical,
            critical is { } ne ? Lawshe.ContentValidityRatio(ne, essentialityRaters) : null,
            critical is { } needed && Essential >= needed,
            ContentValidityIndex.ItemIndex(relevant, relevanceRaters),
            ContentValidityIndex.ModifiedKappa(relevant, relevanceRaters))
        {
            Clarity = [.. Clarity],
            ClarityAgreement = clarityRaters == 0 ? null : (double)(Clarity[2] + Clarity[3]) / clarityRaters,
            KeyAgreement = keyRaters == 0 ? null : (double)KeyAgree / keyRaters,
            Angoff = [.. Angoff],
            AngoffMean = angoffMean,
            AngoffSd = angoffSd,
        };
    }

    private void Apply(Rating rating, int sign)
    {
        Raters += sign;
        switch (rating.Essentiality)
        {
            case Essentiality.Essential: Essential += sign; break;
            case Essentiality.UsefulNotEssential: UsefulNotEssential += sign; break;
            case Essentiality.NotNecessary: NotNecessary += sign; break;
        }

        if (rating.Relevance is { } relevance)
        {
            Relevance[relevance - 1] += sign;
        }

        if (rating.KeyCorrect == true)
        {
            KeyAgree += sign;
        }
        else if (rating.KeyCorrect == false)
        {
            KeyDisagree += sign;
        }

        if (rating.Clarity is { } clarity)
        {
            Clarity[clarity - 1] += sign;
        }

        if (rating.Angoff is { } angoff)
        {
            Angoff[Math.Min(angoff / 10, 9)] += sign;
            AngoffSum += sign * angoff;
            AngoffSumOfSquares += sign * (long)angoff * angoff;
        }
    }
}

/// <summary>
/// An item's ratings so far in one round, per instrument. Essentiality figures count only the raters who answered
/// essentiality, and so on for each instrument.
/// </summary>
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
    double ModifiedKappa)
{
    public static readonly RatingStatistics Empty = new RatingTally().Statistics();

    /// <summary>Counts of clarity 1-4.</summary>
    public int[] Clarity { get; init; } = new int[4];

    /// <summary>Share of clarity ratings that are 3 or 4; null with none.</summary>
    public double? ClarityAgreement { get; init; }

    /// <summary>Share agreeing that the key is correct; null with no answers.</summary>
    public double? KeyAgreement { get; init; }

    /// <summary>Angoff estimates in tenths (0-9 ... 90-100).</summary>
    public int[] Angoff { get; init; } = new int[10];

    /// <summary>Mean Angoff estimate in percent; null with none.</summary>
    public double? AngoffMean { get; init; }

    /// <summary>Sample standard deviation of the Angoff estimates; null with fewer than two.</summary>
    public double? AngoffSd { get; init; }
}

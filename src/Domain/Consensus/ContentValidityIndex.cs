namespace Quorum.Domain.Consensus;

/// <summary>
/// Item-level content validity index on a 4-point relevance scale and its chance-adjusted form
/// (Polit, Beck and Owen 2007): I-CVI = A / N, P_c = C(N, A) 0.5^N, kappa* = (I-CVI - P_c) / (1 - P_c).
/// </summary>
public static class ContentValidityIndex
{
    public const double AcceptableItemIndex = 0.78;

    /// <summary>Share of raters giving 3 or 4; 0 when nobody has rated.</summary>
    public static double ItemIndex(int agreeing, int raters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agreeing);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(agreeing, raters);
        return raters == 0 ? 0 : (double)agreeing / raters;
    }

    /// <summary>Probability of chance agreement, C(N, A) * 0.5^N, computed in log space so large panels do not overflow.</summary>
    public static double ChanceAgreement(int agreeing, int raters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agreeing);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(agreeing, raters);
        var log = LogChoose(raters, agreeing) - raters * Math.Log(2);
        return Math.Exp(log);
    }

    /// <summary>Modified kappa adjusting I-CVI for chance agreement; 0 when nobody has rated.</summary>
    public static double ModifiedKappa(int agreeing, int raters)
    {
        if (raters == 0)
        {
            return 0;
        }

        var icvi = ItemIndex(agreeing, raters);
        var chance = ChanceAgreement(agreeing, raters);
        return (icvi - chance) / (1 - chance);
    }

    private static double LogChoose(int n, int k)
    {
        k = Math.Min(k, n - k);
        var sum = 0.0;
        for (var i = 1; i <= k; i++)
        {
            sum += Math.Log(n - k + i) - Math.Log(i);
        }

        return sum;
    }
}

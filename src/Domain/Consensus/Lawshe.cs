using System.Collections.Concurrent;
using System.Numerics;

namespace Quorum.Domain.Consensus;

/// <summary>
/// Lawshe's content validity ratio with the exact one-tailed binomial critical value
/// (Ayre and Scally 2014) in place of Lawshe's 1975 table, which has known errors.
/// </summary>
public static class Lawshe
{
    private static readonly ConcurrentDictionary<int, int> CriticalCache = new();

    /// <summary>CVR = (n_e - N/2) / (N/2); 0 raters gives 0 by convention (no evidence either way).</summary>
    public static double ContentValidityRatio(int essential, int raters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(essential);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(essential, raters);
        if (raters == 0)
        {
            return 0;
        }

        var half = raters / 2.0;
        return (essential - half) / half;
    }

    /// <summary>
    /// The smallest number of "essential" ratings n_e with P(X &gt;= n_e | N, p = 0.5) &lt;= 0.05,
    /// or null when even unanimity cannot reach significance (N &lt; 5).
    /// Computed exactly in integers: tail / 2^N &lt;= 1/20  &lt;=&gt;  20 * tail &lt;= 2^N.
    /// </summary>
    public static int? CriticalEssential(int raters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(raters);
        var value = CriticalCache.GetOrAdd(raters, Compute);
        return value < 0 ? null : value;
    }

    /// <summary>The CVR that the critical count corresponds to, or null when none exists.</summary>
    public static double? CriticalRatio(int raters) =>
        CriticalEssential(raters) is { } ne ? ContentValidityRatio(ne, raters) : null;

    private static int Compute(int raters)
    {
        var total = BigInteger.One << raters;
        var binomial = BigInteger.One; // C(N, k), walking k down from N
        var tail = BigInteger.Zero;
        var critical = -1;
        for (var k = raters; k >= 0; k--)
        {
            tail += binomial;
            if (tail * 20 > total)
            {
                break;
            }

            critical = k;
            // C(N, k-1) = C(N, k) * k / (N - k + 1)
            binomial = binomial * k / (raters - k + 1);
        }

        return critical;
    }
}

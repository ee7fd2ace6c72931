using Quorum.Domain.Consensus;

namespace Quorum.Domain.Tests;

/// <summary>The CVR critical value is the exact one-tailed binomial one (Ayre and Scally 2014), not Lawshe's table.</summary>
public sealed class LawsheTests
{
    [Theory]
    [InlineData(10, 9, 0.8)]
    [InlineData(20, 15, 0.5)]
    [InlineData(30, 20, 1.0 / 3)]
    [InlineData(40, 26, 0.3)]
    public void Published_examples(int raters, int essential, double ratio)
    {
        Assert.Equal(essential, Lawshe.CriticalEssential(raters));
        Assert.Equal(ratio, Lawshe.CriticalRatio(raters)!.Value, 12);
    }

    [Fact]
    public void Below_five_raters_no_count_is_significant()
    {
        // P(X = 4 | 4, .5) = 1/16 > .05; P(X = 5 | 5, .5) = 1/32 <= .05.
        for (var n = 0; n <= 4; n++)
        {
            Assert.Null(Lawshe.CriticalEssential(n));
        }

        Assert.Equal(5, Lawshe.CriticalEssential(5));
    }

    [Fact]
    public void Every_critical_value_up_to_300_is_the_smallest_count_with_tail_at_most_five_percent()
    {
        // An independent computation in floating point (log space) of the same definition.
        for (var n = 5; n <= 300; n++)
        {
            var critical = Lawshe.CriticalEssential(n)!.Value;
            Assert.True(UpperTail(n, critical) <= 0.05 + 1e-12, $"N={n}: tail at {critical} is {UpperTail(n, critical)}");
            Assert.True(UpperTail(n, critical - 1) > 0.05, $"N={n}: {critical - 1} would already do");
        }
    }

    [Theory]
    [InlineData(10, 10, 1.0)]
    [InlineData(10, 5, 0.0)]
    [InlineData(10, 0, -1.0)]
    [InlineData(7, 6, 5.0 / 7)]
    [InlineData(0, 0, 0.0)]
    public void Content_validity_ratio(int raters, int essential, double expected) =>
        Assert.Equal(expected, Lawshe.ContentValidityRatio(essential, raters), 12);

    [Fact]
    public void More_essential_ratings_than_raters_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Lawshe.ContentValidityRatio(5, 4));

    private static double UpperTail(int n, int k)
    {
        var sum = 0.0;
        for (var i = k; i <= n; i++)
        {
            sum += Math.Exp(LogChoose(n, i) - n * Math.Log(2));
        }

        return sum;
    }

    private static double LogChoose(int n, int k)
    {
        var s = 0.0;
        for (var i = 1; i <= k; i++)
        {
            s += Math.Log(n - k + i) - Math.Log(i);
        }

        return s;
    }
}

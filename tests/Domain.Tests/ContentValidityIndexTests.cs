using Quorum.Domain.Consensus;

namespace Quorum.Domain.Tests;

/// <summary>I-CVI and the modified kappa match Polit, Beck and Owen's worked examples.</summary>
public sealed class ContentValidityIndexTests
{
    [Theory]
    [InlineData(9, 10, 0.90, 0.010, 0.90)]
    [InlineData(8, 10, 0.80, 0.044, 0.79)]
    public void Worked_examples_for_ten_raters(int agreeing, int raters, double icvi, double chance, double kappa)
    {
        Assert.Equal(icvi, ContentValidityIndex.ItemIndex(agreeing, raters), 2);
        Assert.Equal(chance, ContentValidityIndex.ChanceAgreement(agreeing, raters), 3);
        Assert.Equal(kappa, ContentValidityIndex.ModifiedKappa(agreeing, raters), 2);
    }

    [Fact]
    public void Chance_agreement_is_exact_for_small_panels() =>
        // C(5, 3) / 32 = 10 / 32
        Assert.Equal(10.0 / 32, ContentValidityIndex.ChanceAgreement(3, 5), 12);

    [Fact]
    public void Large_panels_do_not_overflow()
    {
        var kappa = ContentValidityIndex.ModifiedKappa(900, 1000);
        Assert.Equal(0.9, kappa, 6);
    }

    [Fact]
    public void No_raters_gives_zero() => Assert.Equal(0, ContentValidityIndex.ModifiedKappa(0, 0));
}

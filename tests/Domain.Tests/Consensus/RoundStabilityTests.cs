using Quorum.Domain.Consensus;

namespace Quorum.Domain.Tests.Consensus;

public sealed class RoundStabilityTests
{
    private static readonly Guid Ann = Guid.NewGuid();
    private static readonly Guid Bo = Guid.NewGuid();
    private static readonly Guid Cy = Guid.NewGuid();

    [Fact]
    public void Only_raters_of_both_rounds_count_and_reasons_do_not()
    {
        var before = new Dictionary<Guid, Rating>
        {
            [Ann] = new(Essentiality.Essential, 4, true, null),
            [Bo] = new(Essentiality.NotNecessary, 1, false, "Off topic"),
            [Cy] = new(Essentiality.Essential, 3, true, null, Clarity: 2, Angoff: 40),
        };
        var after = new Dictionary<Guid, Rating>
        {
            [Ann] = new(Essentiality.Essential, 4, true, "Same view, now explained"),
            [Bo] = new(Essentiality.UsefulNotEssential, 3, true, null),
            [Cy] = new(Essentiality.Essential, 3, true, null, Clarity: 2, Angoff: 45),
            [Guid.NewGuid()] = new(Essentiality.Essential, 4, true, null),
        };

        Assert.Equal(1.0 / 3, RoundStability.Compute(before, after));
    }

    [Fact]
    public void No_rater_in_both_rounds_gives_no_figure()
    {
        var before = new Dictionary<Guid, Rating> { [Ann] = new(Essentiality.Essential, 4, true, null) };
        var after = new Dictionary<Guid, Rating> { [Bo] = new(Essentiality.Essential, 4, true, null) };

        Assert.Null(RoundStability.Compute(before, after));
        Assert.Equal(1.0, RoundStability.Compute(before, before));
    }
}

namespace Quorum.Domain.Consensus;

/// <summary>
/// Scale-level content validity (Polit and Beck 2006) over items rated for relevance on 1-4: S-CVI/Ave is the mean
/// of the items' I-CVIs; S-CVI/UA is the share of items that every rater of the item gave 3 or 4.
/// </summary>
public static class ScaleContentValidity
{
    public const double AcceptableAverage = 0.90;

    /// <param name="items">Per item, the relevance ratings (1-4) it received.</param>
    /// <returns>Null when no item has a rating.</returns>
    public static (double Average, double UniversalAgreement)? Compute(IEnumerable<IReadOnlyCollection<int>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rated = items.Where(i => i.Count > 0).ToList();
        if (rated.SelectMany(i => i).Any(r => r is < 1 or > 4))
        {
            throw new ArgumentException("Relevance ratings are 1 to 4.", nameof(items));
        }

        if (rated.Count == 0)
        {
            return null;
        }

        var indexes = rated.Select(i => ContentValidityIndex.ItemIndex(i.Count(r => r >= 3), i.Count)).ToList();
        return (indexes.Average(), (double)indexes.Count(x => x == 1) / rated.Count);
    }
}

namespace Quorum.Domain.Consensus;

/// <summary>One item's ratings in a round, by rater.</summary>
public sealed record RatedItem(Guid ItemId, bool IsQuestion, IReadOnlyDictionary<Guid, Rating> Ratings);

/// <summary>
/// Agreement on one instrument over a set of items. Fleiss' kappa needs the same number of raters on every item, so
/// it is computed over the items that have the most common number of raters (<see cref="FleissItems"/> of them,
/// <see cref="FleissRaters"/> raters each); Krippendorff's alpha takes every rating, missing ones included.
/// A statistic is null where it is undefined (too few ratings, or no variation at all).
/// </summary>
public sealed record InstrumentStatistics(
    Instrument Instrument,
    int Items,
    int Ratings,
    double? FleissKappa,
    int FleissItems,
    int FleissRaters,
    double? AlphaNominal,
    double? AlphaOrdinal,
    double? AlphaInterval);

/// <summary>
/// The panel statistics of a set of items (a round, or one statement of it): agreement per instrument, scale CVI,
/// and the Angoff cut score over the judges who gave an estimate for every question in the set.
/// </summary>
public sealed record PanelStatistics(
    int Items,
    int Raters,
    IReadOnlyList<InstrumentStatistics> Instruments,
    double? ScaleCviAverage,
    double? ScaleCviUniversal,
    AngoffResult? Angoff,
    int AngoffJudges)
{
    public static PanelStatistics Compute(IReadOnlyList<RatedItem> items, IReadOnlyCollection<Instrument> instruments)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(instruments);
        var raters = items.SelectMany(i => i.Ratings.Keys).Distinct().Count();
        var perInstrument = instruments.Order().Select(instrument => ForInstrument(items, instrument)).ToList();

        (double Average, double UniversalAgreement)? scale = instruments.Contains(Instrument.Relevance)
            ? ScaleContentValidity.Compute(items.Select(i => (IReadOnlyCollection<int>)[.. i.Ratings.Values.Select(r => r.Relevance).OfType<int>()]))
            : null;

        var (angoff, judges) = instruments.Contains(Instrument.Angoff) ? AngoffOver(items) : (null, 0);
        return new PanelStatistics(items.Count, raters, perInstrument, scale?.Average, scale?.UniversalAgreement, angoff, judges);
    }

    /// <summary>Categories of an instrument as Fleiss counts them; null for Angoff, which is a number.</summary>
    public static int? Categories(Instrument instrument) => instrument switch
    {
        Instrument.Essentiality => 3,
        Instrument.Relevance or Instrument.Clarity => 4,
        Instrument.KeyCorrect => 2,
        _ => null,
    };

    private static InstrumentStatistics ForInstrument(IReadOnlyList<RatedItem> items, Instrument instrument)
    {
        var values = items
            .Where(i => i.IsQuestion || !instrument.NeedsQuestion())
            .Select(i => i.Ratings.Values.Select(r => r.Value(instrument)).OfType<double>().ToList())
            .Where(v => v.Count > 0)
            .ToList();
        var ratings = values.Sum(v => v.Count);

        double? kappa = null;
        var fleissItems = 0;
        var fleissRaters = 0;
        if (Categories(instrument) is { } categories)
        {
            var modal = values.Where(v => v.Count >= 2).GroupBy(v => v.Count).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).FirstOrDefault();
            if (modal is not null)
            {
                var offset = instrument is Instrument.Relevance or Instrument.Clarity ? 1 : 0;
                var counts = modal.Select(v =>
                {
                    var row = new int[categories];
                    foreach (var value in v)
                    {
                        row[(int)value - offset]++;
                    }

                    return (IReadOnlyList<int>)row;
                }).ToList();
                kappa = Defined(Consensus.FleissKappa.Compute(counts).Kappa);
                fleissItems = counts.Count;
                fleissRaters = modal.Key;
            }
        }

        var units = values.Select(v => v.Select(x => (double?)x)).ToList();
        return new InstrumentStatistics(
            instrument,
            values.Count,
            ratings,
            kappa,
            fleissItems,
            fleissRaters,
            Defined(KrippendorffAlpha.Compute(units, LevelOfMeasurement.Nominal)),
            Defined(KrippendorffAlpha.Compute(units, LevelOfMeasurement.Ordinal)),
            Defined(KrippendorffAlpha.Compute(units, LevelOfMeasurement.Interval)));
    }

    private static (AngoffResult? Result, int Judges) AngoffOver(IReadOnlyList<RatedItem> items)
    {
        var questions = items.Where(i => i.IsQuestion).ToList();
        if (questions.Count == 0)
        {
            return (null, 0);
        }

        var judges = questions
            .Select(q => q.Ratings.Where(r => r.Value.Angoff is not null).Select(r => r.Key))
            .Aggregate((IEnumerable<Guid>?)null, (common, next) => common is null ? next.ToHashSet() : common.Intersect(next))!
            .ToList();
        if (judges.Count == 0)
        {
            return (null, 0);
        }

        var estimates = judges
            .Select(j => (IReadOnlyList<double>)[.. questions.Select(q => q.Ratings[j].Angoff!.Value / 100.0)])
            .ToList();
        return (AngoffCutScore.Compute(estimates), judges.Count);
    }

    private static double? Defined(double value) => double.IsFinite(value) ? value : null;
}

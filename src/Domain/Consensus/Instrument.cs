namespace Quorum.Domain.Consensus;

/// <summary>A question a panellist answers about an item; a panel chooses which ones it uses.</summary>
public enum Instrument
{
    /// <summary>Lawshe: essential / useful but not essential / not necessary.</summary>
    Essentiality = 0,

    /// <summary>Relevance 1-4, giving the I-CVI and the modified kappa.</summary>
    Relevance = 1,

    /// <summary>Agree or disagree that the key is correct (questions only).</summary>
    KeyCorrect = 2,

    /// <summary>Clarity 1-4.</summary>
    Clarity = 3,

    /// <summary>Angoff: how likely (0-100%) a minimally competent practitioner answers correctly (questions only).</summary>
    Angoff = 4,
}

/// <summary>Which instruments apply to an item.</summary>
public static class Instruments
{
    public static readonly IReadOnlyList<Instrument> All = Enum.GetValues<Instrument>();

    // Lists here are arrays, never collection expressions: grain storage records the runtime type of what it stores,
    // and the compiler's own list types cannot be created again when the state is read.

    /// <summary>What a new panel uses: essentiality, relevance and the key.</summary>
    public static readonly IReadOnlyList<Instrument> Defaults = new[] { Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect };

    /// <summary>True when the instrument asks about something a scenario does not have (a key, a chance of answering).</summary>
    public static bool NeedsQuestion(this Instrument instrument) => instrument is Instrument.KeyCorrect or Instrument.Angoff;

    /// <summary>The panel's instruments that apply to an item (a scenario has no key and is not answered).</summary>
    public static IReadOnlyList<Instrument> For(IReadOnlyCollection<Instrument> panel, bool isQuestion) =>
        panel.Where(i => isQuestion || !i.NeedsQuestion()).Order().ToArray();

    /// <summary>Checks a panel's choice: known instruments, no repeats, at least one; null when acceptable.</summary>
    public static InputProblem? Check(IReadOnlyCollection<Instrument>? chosen)
    {
        if (chosen is null || chosen.Count == 0)
        {
            return new InputProblem("instruments", "Choose at least one rating instrument.");
        }

        if (chosen.Any(i => !Enum.IsDefined(i)))
        {
            return new InputProblem("instruments", "An instrument is essentiality, relevance, keyCorrect, clarity or angoff.");
        }

        return chosen.Distinct().Count() != chosen.Count
            ? new InputProblem("instruments", "An instrument is listed twice.")
            : null;
    }
}

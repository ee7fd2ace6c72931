namespace Quorum.Domain.Consensus;

/// <summary>
/// One panellist's judgement of one item, on the instruments the panel uses; an instrument the panel does not use
/// is left null.
/// </summary>
/// <param name="Essentiality">Lawshe essentiality.</param>
/// <param name="Relevance">Relevance on the 1-4 CVI scale.</param>
/// <param name="KeyCorrect">Agreement that the key is right; null for a scenario, which has no key.</param>
/// <param name="Reason">Why; required for negative judgements.</param>
/// <param name="Clarity">Clarity on 1-4.</param>
/// <param name="Angoff">Percent chance (0-100) that a minimally competent practitioner answers correctly.</param>
public sealed record Rating(Essentiality? Essentiality, int? Relevance, bool? KeyCorrect, string? Reason, int? Clarity = null, int? Angoff = null)
{
    /// <summary>True when a reason is required: "not necessary", relevance or clarity 1-2, or "disagree".</summary>
    public bool NeedsReason =>
        Essentiality == Consensus.Essentiality.NotNecessary || Relevance <= 2 || Clarity <= 2 || KeyCorrect == false;

    /// <summary>The answer given on one instrument, as a number (essentiality 0-2, key 1 agree / 0 disagree), or null.</summary>
    public double? Value(Instrument instrument) => instrument switch
    {
        Instrument.Essentiality => (int?)Essentiality,
        Instrument.Relevance => Relevance,
        Instrument.KeyCorrect => KeyCorrect is { } agree ? (agree ? 1 : 0) : null,
        Instrument.Clarity => Clarity,
        Instrument.Angoff => Angoff,
        _ => null,
    };

    /// <summary>Checks the rating for an item the panel rates with <paramref name="instruments"/>; null when acceptable.</summary>
    public InputProblem? Validate(IReadOnlyCollection<Instrument> instruments, bool isQuestion)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var applies = Instruments.For(instruments, isQuestion);
        foreach (var instrument in Instruments.All)
        {
            if (Value(instrument) is not null && !applies.Contains(instrument))
            {
                return new InputProblem(FieldName(instrument), instrument.NeedsQuestion() && !isQuestion
                    ? $"A scenario is not rated for {Describe(instrument)}."
                    : $"This panel does not rate {Describe(instrument)}.");
            }
        }

        if (applies.Count == 0)
        {
            return new InputProblem("rating", "This panel rates none of its instruments on a scenario (they are about a key or a chance of answering).");
        }

        foreach (var instrument in applies)
        {
            if (Check(instrument) is { } problem)
            {
                return problem;
            }
        }

        // Checked as every other typed text is: characters as a person counts them, no control characters.
        if (Text.Check("reason", Reason, Limits.ReasonLength, required: false, "A reason") is { } reasonProblem)
        {
            return reasonProblem;
        }

        if (NeedsReason && string.IsNullOrWhiteSpace(Reason))
        {
            return new InputProblem("reason", "Give a reason for rating an item not necessary, of low relevance or clarity, or with a wrong key.");
        }

        return null;
    }

    /// <summary>The JSON (and form) name of an instrument's answer.</summary>
    public static string FieldName(Instrument instrument) => instrument switch
    {
        Instrument.Essentiality => "essentiality",
        Instrument.Relevance => "relevance",
        Instrument.KeyCorrect => "keyCorrect",
        Instrument.Clarity => "clarity",
        _ => "angoff",
    };

    private static string Describe(Instrument instrument) => instrument switch
    {
        Instrument.Essentiality => "essentiality",
        Instrument.Relevance => "relevance",
        Instrument.KeyCorrect => "whether the key is correct",
        Instrument.Clarity => "clarity",
        _ => "an Angoff estimate",
    };

    private InputProblem? Check(Instrument instrument) => instrument switch
    {
        Instrument.Essentiality when Essentiality is not { } e || !Enum.IsDefined(e) =>
            new InputProblem("essentiality", "Essentiality must be essential, useful but not essential, or not necessary."),
        Instrument.Relevance when Relevance is not (>= 1 and <= 4) =>
            new InputProblem("relevance", "Relevance must be a whole number from 1 to 4."),
        Instrument.KeyCorrect when KeyCorrect is null =>
            new InputProblem("keyCorrect", "Say whether you agree that the key is correct."),
        Instrument.Clarity when Clarity is not (>= 1 and <= 4) =>
            new InputProblem("clarity", "Clarity must be a whole number from 1 to 4."),
        Instrument.Angoff when Angoff is not (>= 0 and <= 100) =>
            new InputProblem("angoff", "The Angoff estimate is a whole percentage from 0 to 100."),
        _ => null,
    };
}

namespace Quorum.Domain.Consensus;

/// <summary>
/// How a panel reviews items: the instruments it rates on, the rules that decide consensus at the close of a round,
/// and whether experts see one another by pseudonym.
/// </summary>
public sealed record ReviewSettings(IReadOnlyList<Instrument> Instruments, ConsensusRules Rules, bool Pseudonymous)
{
    public static readonly ReviewSettings Defaults = new(Consensus.Instruments.Defaults, ConsensusRules.Defaults, Pseudonymous: false);

    public InputProblem? Validate() =>
        Rules is null
            ? new InputProblem("rules", "The consensus rules are missing.")
            : Consensus.Instruments.Check(Instruments) ?? Rules.Validate();

    /// <summary>What is revealed to whom and when, in words the panel reads before anyone rates.</summary>
    public IReadOnlyList<string> Disclosure() => Pseudonymous ? PseudonymousDisclosure : NamedDisclosure;

    private static readonly string[] Shared =
    [
        "While a round is open, you do not see how others rated an item until you have rated it yourself.",
        "You may change your rating until the round closes. When it closes, every panellist sees each item's distribution of ratings and the reasons given, without names, beside their own rating, and may rate again in the next round.",
        "Nobody is shown another person's ratings by name. Facilitators see how many items, comments, challenges and ratings each person and group has contributed, so that every group's voice is heard.",
    ];

    private static readonly string[] PseudonymousDisclosure =
    [
        .. Shared,
        "This panel is pseudonymous: other experts see you by your group and a number (for example \"Academic 7\") on everything you write, comment or edit; only facilitators see your name.",
    ];

    private static readonly string[] NamedDisclosure =
    [
        .. Shared,
        "This panel is not pseudonymous: other members see your name on what you write, comment and edit.",
    ];
}

namespace Quorum.Simulator.Experts;

/// <summary>
/// How often simulated people do each thing. The defaults give a busy but plausible panel; tests and
/// benchmarks may lean them one way (all challenges, no typing pauses...).
/// </summary>
public sealed record ExpertHabits
{
    /// <summary>Chance that a reviewer opens a new thread on an item they open.</summary>
    public double StartThread { get; init; } = 0.15;

    /// <summary>Share of new threads that open with a challenge.</summary>
    public double ChallengeShare { get; init; } = 0.20;

    /// <summary>Chance that a reviewer replies in one of an item's threads.</summary>
    public double Reply { get; init; } = 0.25;

    /// <summary>Chance that a reviewer rates an item they open ("most items").</summary>
    public double Rate { get; init; } = 0.90;

    /// <summary>Chance that an author resolves a challenge on their own item.</summary>
    public double ResolveAsAuthor { get; init; } = 0.60;

    /// <summary>Chance that the facilitator resolves a challenge still open at the end.</summary>
    public double ResolveAsFacilitator { get; init; } = 0.50;

    /// <summary>Chance that an author changes the key after writing.</summary>
    public double ChangeKeys { get; init; } = 0.10;

    /// <summary>Chance that a reviewer puts a sentence in front of the stem (or vignette) of an item they open, typing beside its author.</summary>
    public double AddToText { get; init; } = 0.05;

    /// <summary>
    /// Fewest and most keystrokes typed between two pauses of the pace (each expert has a fixed habit in this
    /// range). The ops go out as the editor sends them, one in flight at a time, whatever the burst.
    /// </summary>
    public int MinKeystrokesPerBurst { get; init; } = 5;

    public int MaxKeystrokesPerBurst { get; init; } = 15;

    /// <summary>Reviews an expert does between two pieces of their own writing, at most.</summary>
    public int MaxReviewsBetweenJobs { get; init; } = 3;
}

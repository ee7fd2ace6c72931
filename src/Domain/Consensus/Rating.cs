namespace Quorum.Domain.Consensus;

/// <summary>One panellist's judgement of one item.</summary>
/// <param name="Essentiality">Lawshe essentiality.</param>
/// <param name="Relevance">Relevance on the 1-4 CVI scale.</param>
/// <param name="KeyCorrect">Agreement that the key is right; null for a scenario, which has no key.</param>
/// <param name="Reason">Why; required for negative judgements.</param>
public sealed record Rating(Essentiality Essentiality, int Relevance, bool? KeyCorrect, string? Reason)
{
    /// <summary>True when the panel's rules require a reason: "not necessary", relevance 1-2 or "disagree".</summary>
    public bool NeedsReason => Essentiality == Essentiality.NotNecessary || Relevance <= 2 || KeyCorrect == false;

    /// <summary>Checks the rating against the item it is for; null when it is acceptable.</summary>
    public InputProblem? Validate(bool itemHasKey)
    {
        if (!Enum.IsDefined(Essentiality))
        {
            return new InputProblem("essentiality", "Essentiality must be essential, useful but not essential, or not necessary.");
        }

        if (Relevance is < 1 or > 4)
        {
            return new InputProblem("relevance", "Relevance must be a whole number from 1 to 4.");
        }

        if (itemHasKey && KeyCorrect is null)
        {
            return new InputProblem("keyCorrect", "Say whether you agree that the key is correct.");
        }

        if (!itemHasKey && KeyCorrect is not null)
        {
            return new InputProblem("keyCorrect", "A scenario has no key to agree or disagree with.");
        }

        if (Reason is { Length: > Limits.ReasonLength })
        {
            return new InputProblem("reason", $"A reason can be at most {Limits.ReasonLength} characters.");
        }

        if (NeedsReason && string.IsNullOrWhiteSpace(Reason))
        {
            return new InputProblem("reason", "Give a reason for rating an item not necessary, of low relevance, or with a wrong key.");
        }

        return null;
    }
}

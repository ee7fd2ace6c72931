namespace Quorum.Domain.Items;

/// <summary>The three kinds of item a panel writes (DOMAIN.md: the exam's formats).</summary>
public enum ItemKind
{
    /// <summary>One correct answer among four options.</summary>
    SingleBestAnswer = 0,

    /// <summary>Three correct answers among eight options.</summary>
    MultipleResponse = 1,

    /// <summary>A case vignette that linked questions refer to.</summary>
    Scenario = 2,
}

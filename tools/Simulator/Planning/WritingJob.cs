using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Planning;

/// <summary>
/// One piece of writing for one expert: a question, or a scenario with its linked questions.
/// </summary>
/// <param name="Number">Position in the plan; it decides which expert writes it.</param>
/// <param name="Kind">What the expert writes first.</param>
/// <param name="LinkedQuestions">For a scenario, the kinds of the questions written against it.</param>
public sealed record WritingJob(int Number, ItemKind Kind, IReadOnlyList<ItemKind> LinkedQuestions)
{
    /// <summary>Items this job adds to the bank.</summary>
    public int ItemCount => 1 + LinkedQuestions.Count;
}

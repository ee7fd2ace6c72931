namespace Quorum.Domain;

/// <summary>What is wrong with an input, in words for the person who sent it, and which field.</summary>
public sealed record InputProblem(string Field, string Message);

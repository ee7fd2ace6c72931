using Quorum.Simulator.Planning;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Simulation;
using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Experts;

/// <summary>
/// What every simulated person in one run shares: the panel, the traces, the counters, the rules of behaviour, how
/// far the writing has got and what is said about the rounds. <see cref="MaxRounds"/> is the facilitator's plan, known
/// to all: an item goes through at most that many review rounds (so an author revises only when another will come).
/// </summary>
public sealed record PanelContext(
    Guid PanelId,
    IReadOnlyList<FrameworkStatement> Statements,
    TraceLibrary Traces,
    SimulationCounters Counters,
    ProblemLog Log,
    WritingLedger Writing,
    RoundLedger Rounds,
    ExpertHabits Habits,
    TimeSpan Pace,
    int ReviewBudget,
    int MaxRounds,
    TypedFields Fields);

using Quorum.Simulator.Planning;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Simulation;
using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Experts;

/// <summary>What every simulated person in one run shares: the panel, the traces, the counters and the rules of behaviour.</summary>
public sealed record PanelContext(
    Guid PanelId,
    IReadOnlyList<FrameworkStatement> Statements,
    TraceLibrary Traces,
    SimulationCounters Counters,
    ProblemLog Log,
    WritingLedger Ledger,
    ExpertHabits Habits,
    TimeSpan Pace,
    int ReviewBudget,
    TypedFields Fields);

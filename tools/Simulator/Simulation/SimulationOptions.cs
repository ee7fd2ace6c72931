using Quorum.Simulator.Experts;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Simulation;

/// <summary>What to simulate and against which server. The command line fills this; tests and benchmarks build it directly.</summary>
public sealed record SimulationOptions
{
    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:5000</c>.</summary>
    public required Uri Server { get; init; }

    /// <summary>A facilitator's personal sign-in link (<c>http://host/join#token</c>).</summary>
    public required string FacilitatorLink { get; init; }

    /// <summary>An existing panel to fill; null creates a new one.</summary>
    public Guid? PanelId { get; init; }

    public int Experts { get; init; } = 40;

    /// <summary>The bank is written until it holds this many items (scenarios and their questions each count).</summary>
    public int Items { get; init; } = 100;

    public int Seed { get; init; } = 1;

    /// <summary>Review rounds an item goes through at most: items sent back are revised for another round until then. 0 opens no round.</summary>
    public int MaxRounds { get; init; } = 2;

    /// <summary>The longest a round stays open before the facilitator closes it; null is 200 paces, at least 10 seconds.</summary>
    public TimeSpan? RoundTime { get; init; }

    /// <summary>The instruments the panel rates on, set before anyone rates; null leaves the panel's own.</summary>
    public IReadOnlyList<Instrument>? Instruments { get; init; }

    /// <summary>Pause between one expert's actions (jittered by half either way).</summary>
    public TimeSpan Pace { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The traces folder; null looks in <c>$QUORUM_TEST_DATA/traces</c>, then <c>../shared/data/traces</c>.</summary>
    public string? TracesFolder { get; init; }

    /// <summary>The run stops here whatever is left, and counts that as an error.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How often a progress line is printed.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Sign-ins and hub handshakes made at once while the panel assembles.</summary>
    public int ConcurrentSignIns { get; init; } = 8;

    public ExpertHabits Habits { get; init; } = new();

    public ServerTransport Transport { get; init; } = ServerTransport.Network;

    /// <summary>Checks the numbers; the problem in words, or null.</summary>
    public string? Problem() =>
        Experts is < 1 or > 5_000 ? "--experts must be 1-5000."
        : Items is < 0 or > 100_000 ? "--items must be 0-100000."
        : Pace < TimeSpan.Zero ? "--pace cannot be negative."
        : MaxRounds is < 0 or > 10 ? "--rounds must be 0-10."
        : RoundTime is { } roundTime && roundTime <= TimeSpan.Zero ? "A round's time must be positive."
        : Instruments is { } instruments && (instruments.Count == 0 || instruments.Distinct().Count() != instruments.Count) ? "--instruments must name at least one instrument, each once."
        : TimeLimit <= TimeSpan.Zero ? "--max-seconds must be positive."
        : !Server.IsAbsoluteUri || (Server.Scheme != Uri.UriSchemeHttp && Server.Scheme != Uri.UriSchemeHttps) ? "--url must be an absolute http(s) address."
        : ConcurrentSignIns < 1 ? "At least one sign-in at a time."
        : null;
}

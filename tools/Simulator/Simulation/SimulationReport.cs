using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quorum.Simulator.Simulation;

/// <summary>
/// What a run did. <see cref="ToJson"/> is the simulator's last line of output, for scripts and benchmarks;
/// the fields marked <see cref="JsonIgnoreAttribute"/> are for in-process callers and the progress lines.
/// </summary>
public sealed record SimulationReport(
    int Experts,
    int Items,
    int Edits,
    int Comments,
    int Challenges,
    int Ratings,
    int RoundsOpened,
    int RoundsClosed,
    int Agreed,
    int NeedsRevision,
    int Refusals,
    int Errors,
    double Seconds,
    Guid? PanelId)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Challenges resolved with a note, by authors and the facilitator.</summary>
    [JsonIgnore]
    public int Resolutions { get; init; }

    /// <summary>Sentences reviewers added to others' stems and vignettes.</summary>
    [JsonIgnore]
    public int Additions { get; init; }

    /// <summary>Tabs that stopped typing because a round had locked the item's text (counted among the refusals).</summary>
    [JsonIgnore]
    public int Locked { get; init; }

    /// <summary>Ratings refused because the item's round had just closed (counted among the refusals).</summary>
    [JsonIgnore]
    public int LateRatings { get; init; }

    /// <summary>Items their authors revised after a round sent them back.</summary>
    [JsonIgnore]
    public int Revisions { get; init; }

    /// <summary>Ratings in open rounds that reached the facilitator's connection as <c>itemReview</c> events (each once).</summary>
    [JsonIgnore]
    public int RatingsSeenLive { get; init; }

    /// <summary>Others' edits that reached a tab with typing of its own not yet acknowledged: people typing in one field at once.</summary>
    [JsonIgnore]
    public int Merged { get; init; }

    /// <summary>Every text field typed into, as the last tab to leave it saw it (its text checked against the server's).</summary>
    [JsonIgnore]
    public IReadOnlyList<TypedField> Fields { get; init; } = [];

    /// <summary><c>itemCreated</c> events that reached the facilitator's connection.</summary>
    [JsonIgnore]
    public int ItemsSeenLive { get; init; }

    /// <summary>Stopped by the caller (Ctrl+C) before it finished.</summary>
    [JsonIgnore]
    public bool Cancelled { get; init; }

    [JsonIgnore]
    public Uri? LiveView { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

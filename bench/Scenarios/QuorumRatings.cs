using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Quorum.Testing;

namespace Quorum.Bench.Scenarios;

/// <summary>
/// Quorum's side of `ratings`: a real Quorum process on SQLite with a bank of items imported through the hub, a round
/// open over some of them, experts signed in through their own links on their own hub connections, and a facilitator
/// whose connection receives the live view of every rating (`itemReview`). A rating's answer carries the item's rating
/// number, and so does the live view it produced, so each rating is matched to the moment the dashboard had it.
/// </summary>
internal sealed class QuorumRatings : IAsyncDisposable
{
    /// <summary>Items per `ImportItems` call: about 50 KB of JSON, well under the hub's 128 KB message limit.</summary>
    private const int ImportChunk = 200;

    private readonly QuorumPanel panel;
    private readonly IReadOnlyList<PanelMember> experts;
    private readonly int[] nextItem;
    private readonly ConcurrentDictionary<(Guid ItemId, int Seq), long> answered = new();
    private readonly ConcurrentDictionary<(Guid ItemId, int Seq), long> shown = new();

    private QuorumRatings(QuorumPanel panel, IReadOnlyList<PanelMember> experts, Guid[] roundItems, RatingsSetup setup)
    {
        this.panel = panel;
        this.experts = experts;
        RoundItems = roundItems;
        Setup = setup;
        // Each expert starts at its own place in the round and works through it, so ratings spread over the items.
        nextItem = [.. Enumerable.Range(0, experts.Count).Select(i => (int)((long)i * roundItems.Length / experts.Count))];
    }

    public Guid[] RoundItems { get; }

    public RatingsSetup Setup { get; }

    public int ServerProcessId => panel.ServerProcessId;

    public static async Task<QuorumRatings> StartAsync(int bankSize, int roundSize, int expertCount, string serverCpus)
    {
        var total = Stopwatch.StartNew();
        var step = Stopwatch.StartNew();
        var panel = await QuorumPanel.StartAsync(
            $"Ratings, bank of {bankSize}", serverCpus,
            new Dictionary<string, string> { ["Quorum__Security__SignInsPerMinute"] = "1000000" });
        try
        {
            var started = step.Elapsed.TotalSeconds;
            var facilitator = await panel.Facilitator.ConnectHubAsync();
            await facilitator.CallOkAsync("JoinPanel", panel.PanelId);

            step.Restart();
            var bank = await ImportBankAsync(facilitator, panel, bankSize);
            var imported = step.Elapsed.TotalSeconds;

            // The round takes items from all through the bank, not only the first imported.
            step.Restart();
            var round = Enumerable.Range(0, roundSize).Select(i => bank[(int)((long)i * bank.Count / roundSize)]).ToArray();
            var opened = await facilitator.CallOkAsync("OpenRound", panel.PanelId, new { name = "Bench round", itemIds = round });
            var refused = opened["refused"]!.AsArray();
            if (refused.Count > 0)
            {
                throw new InvalidOperationException($"The round refused {refused.Count} items, the first: {refused[0]!.ToJsonString()}");
            }

            var roundOpened = step.Elapsed.TotalSeconds;
            Console.Error.WriteLine($"ratings: round open over {round.Length} items in {roundOpened:0.0} s; inviting {expertCount} experts");

            step.Restart();
            var groups = panel.View["groups"]!.AsArray().Select(g => g!.GetValue<string>()).Where(g => g != "Facilitator").ToArray();
            var experts = await panel.JoinManyAsync(expertCount, i => ($"Expert {i + 1}", groups[i % groups.Length]), parallel: 8, "ratings");
            var joined = step.Elapsed.TotalSeconds;

            // The facilitator's live view: loaded once, then kept up to date by a push after every rating.
            step.Restart();
            await facilitator.CallOkAsync("GetDashboard", panel.PanelId);
            var dashboardMs = step.Elapsed.TotalMilliseconds;

            var setup = new RatingsSetup(
                bankSize, round.Length, expertCount, Math.Round(started, 1), Math.Round(imported, 1), Math.Round(roundOpened, 1),
                Math.Round(joined, 1), Math.Round(dashboardMs, 1), Math.Round(total.Elapsed.TotalSeconds, 1),
                LoadFigures.ProcessRssMb(panel.ServerProcessId));
            var ratings = new QuorumRatings(panel, experts, round, setup);
            facilitator.On<ReviewPush>("itemReview", ratings.Shown);
            return ratings;
        }
        catch
        {
            await panel.DisposeAsync();
            throw;
        }
    }

    /// <summary>One expert rates the next item on their list (a closed-loop or paced call).</summary>
    public async Task RateAsync(int expert, long sentAt)
    {
        var n = Interlocked.Increment(ref nextItem[expert]);
        var itemId = RoundItems[n % RoundItems.Length];
        var answer = await experts[expert].Hub.InvokeAsync<RateOutcome>("Rate", itemId, RatingPayloads.For(expert, n));
        if (answer is not { Ok: true, Value: { } review })
        {
            throw new InvalidOperationException($"Rate was refused: {answer.Error}");
        }

        answered[(itemId, review.RatingSeq)] = sentAt;
    }

    /// <summary>Forgets the ratings of earlier runs (the next run matches only its own).</summary>
    public void Reset()
    {
        answered.Clear();
        shown.Clear();
    }

    /// <summary>
    /// From a rating sent (inside the run's window) to the facilitator's connection receiving the live view it produced;
    /// waits briefly for views still on their way. Missing counts the window's ratings the dashboard never showed.
    /// </summary>
    public async Task<DashboardFigures> DashboardAsync(LoadRun run)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
        List<KeyValuePair<(Guid, int), long>> sent;
        do
        {
            await Task.Delay(200);
            sent = [.. answered.Where(a => run.Window.InWindow(a.Value))];
        }
        while (sent.Any(a => !shown.ContainsKey(a.Key)) && Stopwatch.GetTimestamp() < deadline);

        var latencies = new List<double>(sent.Count);
        foreach (var (key, sentAt) in sent)
        {
            if (shown.TryGetValue(key, out var at))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sentAt, at).TotalMilliseconds);
            }
        }

        return new DashboardFigures(
            latencies.Count, sent.Count - latencies.Count,
            LoadFigures.Percentile(latencies, 50), LoadFigures.Percentile(latencies, 99), LoadFigures.Percentile(latencies, 100));
    }

    public ValueTask DisposeAsync() => panel.DisposeAsync();

    private void Shown(ReviewPush push)
    {
        if (push.Live is { } live)
        {
            shown.TryAdd((push.ItemId, live.RatingSeq), Stopwatch.GetTimestamp());
        }
    }

    private static async Task<List<Guid>> ImportBankAsync(HubConnection facilitator, QuorumPanel panel, int bankSize)
    {
        var statements = panel.View["framework"]!["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToArray();
        var bank = new List<Guid>(bankSize);
        var clock = Stopwatch.StartNew();
        while (bank.Count < bankSize)
        {
            var drafts = Enumerable.Range(bank.Count, Math.Min(ImportChunk, bankSize - bank.Count))
                .Select(n => ItemDrafts.Question(statements[n % statements.Length], $"Item {n + 1}: at what age do most children walk unaided?"))
                .ToArray();
            var created = await facilitator.CallOkAsync("ImportItems", panel.PanelId, drafts);
            bank.AddRange(created.AsArray().Select(s => Guid.Parse(s!["itemId"]!.GetValue<string>())));
            if (bank.Count % 10_000 == 0 || bank.Count == bankSize)
            {
                Console.Error.WriteLine($"ratings: {bank.Count} of {bankSize} items imported ({clock.Elapsed.TotalSeconds:0} s)");
            }
        }

        return bank;
    }

    private sealed record RateOutcome(bool Ok, RateReview? Value, JsonNode? Error);

    private sealed record RateReview(int RatingSeq);

    /// <summary>The part of an `itemReview` push (an ItemSummary) the dashboard latency needs.</summary>
    private sealed record ReviewPush(Guid ItemId, ReviewLive? Live);

    private sealed record ReviewLive(int RatingSeq);
}

/// <summary>What the ratings send: a mix as a panel gives them, with reasons where the rules require one.</summary>
internal static class RatingPayloads
{
    private static readonly object[] Mix =
    [
        .. Enumerable.Repeat<object>(new { essentiality = "essential", relevance = 4, keyCorrect = true, reason = (string?)null }, 10),
        .. Enumerable.Repeat<object>(new { essentiality = "essential", relevance = 3, keyCorrect = true, reason = (string?)null }, 4),
        .. Enumerable.Repeat<object>(new { essentiality = "usefulNotEssential", relevance = 3, keyCorrect = true, reason = (string?)null }, 3),
        new { essentiality = "notNecessary", relevance = 2, keyCorrect = true, reason = "Covered by the statement on milestones already." },
        new { essentiality = "usefulNotEssential", relevance = 2, keyCorrect = true, reason = "Only loosely tied to the statement." },
        new { essentiality = "essential", relevance = 4, keyCorrect = false, reason = "The range in the key is too narrow." },
    ];

    /// <summary>The rating an expert gives with their <paramref name="n"/>th call: fixed by both, spread over the mix.</summary>
    public static object For(int expert, int n) => Mix[(int)(((uint)expert * 7919u + (uint)n * 31u) % (uint)Mix.Length)];
}

/// <summary>How long it took to make the run's panel, and the server's memory after.</summary>
internal sealed record RatingsSetup(
    int BankSize,
    int RoundItems,
    int Experts,
    double ServerStartSeconds,
    double ImportSeconds,
    double OpenRoundSeconds,
    double ExpertsJoinSeconds,
    double DashboardLoadMs,
    double TotalSeconds,
    double ServerRssMb);

/// <summary>Rating sent to dashboard received, for the ratings sent inside a run's window.</summary>
internal sealed record DashboardFigures(int Matched, int Missing, double? P50Ms, double? P99Ms, double? MaxMs);

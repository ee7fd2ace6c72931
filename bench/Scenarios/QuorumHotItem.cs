using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Quorum.Domain.Editing;
using Quorum.Testing;

namespace Quorum.Bench.Scenarios;

/// <summary>
/// Quorum's side of `hot-item`: a real Quorum web process on SQLite (durable acks), N editors signed in through
/// their own invite links, each on its own SignalR WebSocket, typing into one field: one single-character insert
/// or delete at a random place, one op in flight, the next sent when the previous is acknowledged and taken in.
/// </summary>
internal static class QuorumHotItem
{
    public static async Task<HotItemFigures> RunAsync(int clients, TimeSpan warmup, TimeSpan window, int seed, string? serverCpus)
    {
        await using var panel = await QuorumPanel.StartAsync("Hot item", serverCpus);
        var panelId = panel.PanelId;
        var random = new Random(seed);
        var start = new string([.. Enumerable.Range(0, 1_000).Select(_ => RandomChar(random))]);

        var editors = new List<Editor>();
        for (var i = 0; i < clients; i++)
        {
            var member = await panel.JoinAsync($"Editor {i + 1}", i % 2 == 0 ? "Academic" : "Lawyer");
            editors.Add(new Editor(member.Hub, member.PersonId, $"e{i}", new Random(seed * 7919 + i)));
        }

        var item = await editors[0].Hub.CallOkAsync("CreateItem", panelId, ItemDrafts.Question(stem: start));
        var itemId = Guid.Parse(item["summary"]!["itemId"]!.GetValue<string>());
        var clock = new MeasuringWindow();
        foreach (var editor in editors)
        {
            var view = await editor.Hub.CallOkAsync("OpenItem", itemId);
            var stem = view["fields"]!.AsArray().First(f => f!["field"]!.GetValue<string>() == "stem")!;
            editor.Start(itemId, stem["text"]!.GetValue<string>(), stem["revision"]!.GetValue<int>(), clock);
        }

        Console.Error.WriteLine($"hot-item quorum: {clients} editors in item {itemId}; warming up {warmup.TotalSeconds:0} s");
        var loops = editors.Select(e => Task.Run(e.TypeAsync)).ToList();
        var (serverCpu, loadCpu, _) = await clock.MeasureAsync(warmup, window, panel.ServerProcessId);
        var seconds = clock.Seconds;
        clock.Stop();
        await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(30));

        // Everyone has stopped typing: every copy must come to the server's text.
        var final = await editors[0].Hub.CallOkAsync("OpenItem", itemId);
        var serverStem = final["fields"]!.AsArray().First(f => f!["field"]!.GetValue<string>() == "stem")!;
        var serverText = serverStem["text"]!.GetValue<string>();
        var serverRevision = serverStem["revision"]!.GetValue<int>();
        var converged = await Converged(editors, serverText, serverRevision);

        var acked = editors.Sum(e => e.AckedInWindow);
        var ackMs = editors.SelectMany(e => e.AckMs).ToList();
        var fanoutMs = editors.SelectMany(e => e.FanoutMs).ToList();
        var errors = editors.Sum(e => e.Errors);
        return new HotItemFigures(
            clients, seconds, acked, acked / seconds,
            LoadFigures.Percentile(ackMs, 50), LoadFigures.Percentile(ackMs, 99), LoadFigures.Percentile(fanoutMs, 99),
            acked == 0 ? null : Math.Round(serverCpu / acked, 4), Math.Round(loadCpu), converged, serverText.Length, errors);
    }

    private static async Task<bool> Converged(List<Editor> editors, string text, int revision)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (editors.All(e => e.Caught(text, revision)))
            {
                return true;
            }

            foreach (var e in editors.Where(e => !e.Caught(text, revision)))
            {
                await e.CatchUpAsync();
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static char RandomChar(Random random) => "abcdefghijklmnopqrstuvwxyz     "[random.Next(31)];

    /// <summary>One editor: a <see cref="HubFieldTab"/> typing random single characters, timed at send, ack and push.</summary>
    private sealed class Editor(HubConnection hub, Guid personId, string clientId, Random random)
    {
        private static readonly ConcurrentDictionary<(string, long), long> SentAt = new();
        private readonly Lock gate = new();
        private HubFieldTab tab = null!;
        private MeasuringWindow run = null!;

        public HubConnection Hub { get; } = hub;

        public int AckedInWindow { get; private set; }

        public int Errors { get; private set; }

        public List<double> AckMs { get; } = [];

        public List<double> FanoutMs { get; } = [];

        public void Start(Guid item, string text, int revision, MeasuringWindow clock)
        {
            run = clock;
            tab = new HubFieldTab(Hub, personId, clientId, item, "stem", text, revision)
            {
                OnSending = seq => SentAt[(clientId, seq)] = Stopwatch.GetTimestamp(),
                OnAcknowledged = Acknowledged,
                OnPushed = Pushed,
            };
        }

        public async Task TypeAsync()
        {
            while (!run.Stopped)
            {
                try
                {
                    await tab.TypeAsync(RandomOp);
                }
                catch (InvalidOperationException e)
                {
                    Errors++;
                    Console.Error.WriteLine($"hot-item quorum: {clientId}: {e.Message}");
                    await tab.CatchUpAsync();
                }
            }
        }

        public bool Caught(string text, int revision) => !tab.HasPending && tab.Revision == revision && tab.Text == text;

        public Task CatchUpAsync() => tab.CatchUpAsync();

        private void Acknowledged(long seq)
        {
            var acked = Stopwatch.GetTimestamp();
            var sent = SentAt[(clientId, seq)];
            lock (gate)
            {
                if (run.InWindow(acked))
                {
                    AckedInWindow++;
                }

                if (run.InWindow(sent))
                {
                    AckMs.Add(Stopwatch.GetElapsedTime(sent, acked).TotalMilliseconds);
                }
            }
        }

        private void Pushed(string from, long seq)
        {
            var now = Stopwatch.GetTimestamp();
            if (from != clientId && SentAt.TryGetValue((from, seq), out var sent) && run.InWindow(sent))
            {
                lock (gate)
                {
                    FanoutMs.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                }
            }
        }

        private TextOp RandomOp(string text)
        {
            var length = text.Length; // the workload types ASCII only, so code points and chars agree
            var insert = length == 0 || random.Next(2) == 0;
            var position = random.Next(insert ? length + 1 : length);
            var change = insert ? OpComponent.Insert(RandomChar(random).ToString()) : OpComponent.Delete(1);
            return position == 0 ? TextOp.From(change) : TextOp.From(OpComponent.Retain(position), change);
        }
    }
}

/// <summary>One side of `hot-item`, in the window only.</summary>
internal sealed record HotItemFigures(
    int Clients,
    double Seconds,
    int AckedOps,
    double OpsPerSecond,
    double? P50AckMs,
    double? P99AckMs,
    double? P99FanoutMs,
    double? ServerCpuMsPerOp,
    double LoadCpuMs,
    bool Converged,
    int FinalLength,
    int Errors);

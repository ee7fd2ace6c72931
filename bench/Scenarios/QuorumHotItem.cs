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
        await using var server = await QuorumServer.StartAsync(cpuList: serverCpus);
        await using var facilitator = new QuorumClient(server.Address);
        await facilitator.SignInOrFailAsync(server.FirstFacilitatorLink ?? throw new InvalidOperationException("The server printed no first-facilitator link."));
        var panel = await facilitator.CreatePanelAsync("Hot item");
        var panelId = Guid.Parse(panel["panelId"]!.GetValue<string>());
        var random = new Random(seed);
        var start = new string([.. Enumerable.Range(0, 1_000).Select(_ => RandomChar(random))]);

        var editors = new List<Editor>();
        try
        {
            for (var i = 0; i < clients; i++)
            {
                var (personId, link) = await facilitator.InviteAsync(panelId, $"Editor {i + 1}", i % 2 == 0 ? "Academic" : "Lawyer");
                var person = new QuorumClient(server.Address);
                await person.SignInOrFailAsync(link);
                var hub = await person.ConnectHubAsync();
                await hub.CallOkAsync("JoinPanel", panelId);
                editors.Add(new Editor(person, hub, personId, $"e{i}", new Random(seed * 7919 + i)));
            }

            var item = await editors[0].Hub.CallOkAsync("CreateItem", panelId, new
            {
                kind = "singleBestAnswer", statementId = "kss-cfp-3", stem = start,
                options = new[] { "One", "Two", "Three", "Four" }, keys = new[] { 0 }, rationale = "", vignette = (string?)null, scenarioId = (Guid?)null,
            });
            var itemId = Guid.Parse(item["summary"]!["itemId"]!.GetValue<string>());
            var clock = new Run();
            foreach (var editor in editors)
            {
                var view = await editor.Hub.CallOkAsync("OpenItem", itemId);
                var stem = view["fields"]!.AsArray().First(f => f!["field"]!.GetValue<string>() == "stem")!;
                editor.Start(itemId, stem["text"]!.GetValue<string>(), stem["revision"]!.GetValue<int>(), clock);
            }

            Console.Error.WriteLine($"hot-item quorum: {clients} editors in item {itemId}; warming up {warmup.TotalSeconds:0} s");
            var loops = editors.Select(e => Task.Run(e.TypeAsync)).ToList();
            await Task.Delay(warmup);
            var pid = server.ProcessId ?? throw new InvalidOperationException("The server has exited.");
            var serverCpu0 = LoadFigures.ProcessCpuMs(pid);
            var loadCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Open();
            await Task.Delay(window);
            clock.Close();
            var serverCpu = LoadFigures.ProcessCpuMs(pid) - serverCpu0;
            var loadCpu = (Process.GetCurrentProcess().TotalProcessorTime - loadCpu0).TotalMilliseconds;
            var seconds = clock.WindowSeconds;
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
        finally
        {
            foreach (var editor in editors)
            {
                await editor.DisposeAsync();
            }
        }
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

    /// <summary>The measuring window, on one clock every editor reads.</summary>
    private sealed class Run
    {
        private long opened = long.MaxValue;
        private long closed = long.MaxValue;

        public bool Stopped { get; private set; }

        public double WindowSeconds => Stopwatch.GetElapsedTime(opened, closed).TotalSeconds;

        public void Open() => Interlocked.Exchange(ref opened, Stopwatch.GetTimestamp());

        public void Close() => Interlocked.Exchange(ref closed, Stopwatch.GetTimestamp());

        public void Stop() => Stopped = true;

        public bool InWindow(long timestamp) => timestamp >= Interlocked.Read(ref opened) && timestamp < Interlocked.Read(ref closed);
    }

    private sealed class Editor(QuorumClient person, HubConnection hub, Guid personId, string clientId, Random random) : IAsyncDisposable
    {
        private static readonly ConcurrentDictionary<(string, long), long> SentAt = new();
        private readonly Lock gate = new();
        private FieldReplica replica = null!;
        private TaskCompletionSource idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Guid itemId;
        private Run run = null!;

        public HubConnection Hub { get; } = hub;

        public int AckedInWindow { get; private set; }

        public int Errors { get; private set; }

        public List<double> AckMs { get; } = [];

        public List<double> FanoutMs { get; } = [];

        public void Start(Guid item, string text, int revision, Run clock)
        {
            itemId = item;
            run = clock;
            replica = new FieldReplica(clientId, text, revision);
            Hub.On<JsonElement>("fieldEdits", Received);
        }

        public async Task TypeAsync()
        {
            while (!run.Stopped)
            {
                EditRequest request;
                lock (gate)
                {
                    replica.Edit(RandomOp(replica.Text));
                    request = replica.NextToSend(personId) ?? throw new InvalidOperationException("Nothing to send after an edit.");
                    idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                var sent = Stopwatch.GetTimestamp();
                SentAt[(clientId, request.ClientSeq)] = sent;
                var outcome = await Hub.InvokeAsync<JsonElement>("Edit", itemId, "stem", request.BaseRevision, JsonSerializer.SerializeToElement(request.Op), clientId, request.ClientSeq);
                var acked = Stopwatch.GetTimestamp();
                if (!outcome.GetProperty("ok").GetBoolean())
                {
                    Errors++;
                    Console.Error.WriteLine($"hot-item quorum: {clientId} refused: {outcome.GetProperty("error")}");
                    await CatchUpAsync();
                    continue;
                }

                if (run.InWindow(acked))
                {
                    AckedInWindow++;
                }

                if (run.InWindow(sent))
                {
                    AckMs.Add(Stopwatch.GetElapsedTime(sent, acked).TotalMilliseconds);
                }

                lock (gate)
                {
                    replica.Acknowledge(request.ClientSeq, outcome.GetProperty("value").GetProperty("revision").GetInt32());
                    if (!replica.HasPending)
                    {
                        continue;
                    }
                }

                // The ack came before the edits ahead of it; the next op waits until they are taken in.
                if (await Task.WhenAny(idle.Task, Task.Delay(2_000)) != idle.Task)
                {
                    await CatchUpAsync();
                }
            }
        }

        public bool Caught(string text, int revision)
        {
            lock (gate)
            {
                return !replica.HasPending && replica.Revision == revision && replica.Text == text;
            }
        }

        public async Task CatchUpAsync()
        {
            int from;
            lock (gate)
            {
                from = replica.Revision;
            }

            var sync = await Hub.InvokeAsync<JsonElement>("SyncField", itemId, "stem", clientId, from);
            if (sync.GetProperty("ok").GetBoolean() && sync.GetProperty("value").GetProperty("edits") is { ValueKind: JsonValueKind.Array } edits)
            {
                Take(edits, Stopwatch.GetTimestamp(), timed: false);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Hub.DisposeAsync();
            await person.DisposeAsync();
        }

        private void Received(JsonElement change)
        {
            if (change.GetProperty("itemId").GetGuid() == itemId && change.GetProperty("field").GetString() == "stem")
            {
                Take(change.GetProperty("edits"), Stopwatch.GetTimestamp(), timed: true);
            }
        }

        private void Take(JsonElement edits, long now, bool timed)
        {
            lock (gate)
            {
                foreach (var e in edits.EnumerateArray())
                {
                    var from = e.GetProperty("clientId").GetString()!;
                    var seq = e.GetProperty("clientSeq").GetInt64();
                    if (!TextOpJson.TryParse(e.GetProperty("op"), out var op, out var error))
                    {
                        throw new InvalidDataException($"The server sent an op that does not parse: {error}");
                    }

                    if (timed && from != clientId && SentAt.TryGetValue((from, seq), out var sent) && run.InWindow(sent))
                    {
                        FanoutMs.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
                    }

                    replica.Receive(new AppliedEdit(e.GetProperty("revision").GetInt32(), op, e.GetProperty("authorId").GetGuid(), from, seq, e.GetProperty("at").GetDateTimeOffset()));
                }

                if (!replica.HasPending)
                {
                    idle.TrySetResult();
                }
            }
        }

        private TextOp RandomOp(string text)
        {
            var length = text.Length; // the workload types ASCII only, so code points and chars agree
            var position = random.Next(length + 1);
            var insert = length == 0 || random.Next(2) == 0;
            var components = new List<OpComponent>(2);
            if (insert)
            {
                if (position > 0)
                {
                    components.Add(OpComponent.Retain(position));
                }

                components.Add(OpComponent.Insert(RandomChar(random).ToString()));
            }
            else
            {
                position = Math.Min(position, length - 1);
                if (position > 0)
                {
                    components.Add(OpComponent.Retain(position));
                }

                components.Add(OpComponent.Delete(1));
            }

            return TextOp.From(components);
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

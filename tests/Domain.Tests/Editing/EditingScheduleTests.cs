using Quorum.Domain.Editing;

namespace Quorum.Domain.Tests.Editing;

/// <summary>
/// Whatever the schedule (2-8 tabs typing, messages delayed and reordered, connections dropped with their messages
/// and reopened with resends), every tab and the authority end on one text, the one the authority's edits give in
/// its order, and no acknowledged op is lost or applied twice.
/// </summary>
public sealed class EditingScheduleTests
{
    private const int Schedules = 3_000;

    [Fact]
    public void Random_schedules_converge_to_the_authoritys_text()
    {
        for (var seed = 1; seed <= Schedules; seed++)
        {
            var run = new Schedule(seed);
            run.Play();
            run.AssertConverged();
        }
    }

    [Fact]
    public void A_tab_resending_after_its_ack_was_lost_is_applied_once()
    {
        var author = Guid.NewGuid();
        var server = new FieldDocument("abc", 0, 1_000);
        var tab = new FieldReplica("tab", "abc", 0);
        tab.Edit(Op(3, "d"));
        var request = tab.NextToSend(author)!.Value;
        Assert.Equal(SubmitOutcome.Applied, server.Submit(request, DateTimeOffset.UnixEpoch).Outcome);

        // The ack is lost; meanwhile someone else types, and the tab hears of that before it resends.
        var other = server.Submit(new EditRequest(Guid.NewGuid(), "other", 1, 1, Op("x")), DateTimeOffset.UnixEpoch).AppliedEdit;
        tab.Receive(other);
        var again = tab.Resend(author)!.Value;

        var result = server.Submit(again, DateTimeOffset.UnixEpoch);

        Assert.Equal(SubmitResult.Duplicate(1), result);
        Assert.Equal("xabcd", server.Text);
        Assert.Equal(2, server.Revision);
    }

    [Fact]
    public void A_tab_further_behind_than_the_kept_edits_is_told_to_resync()
    {
        var server = new FieldDocument(string.Empty, 0, 1_000, retainedEdits: 3);
        for (var i = 0; i < 5; i++)
        {
            server.Submit(new EditRequest(Guid.NewGuid(), "a", i + 1, i, Op("x")), DateTimeOffset.UnixEpoch);
        }

        var result = server.Submit(new EditRequest(Guid.NewGuid(), "late", 1, 1, Op("y")), DateTimeOffset.UnixEpoch);

        Assert.Equal(SubmitResult.ResyncNeeded(2), result);
        Assert.Equal("xxxxx", server.Text);
        Assert.Null(server.EditsSince(1));
        Assert.Equal([3, 4, 5], server.EditsSince(2)!.Select(e => e.Revision));
    }

    private static TextOp Op(params object[] parts) => TextOp.From(parts.Select(p => p switch
    {
        int n => OpComponent.Retain(n),
        string s => OpComponent.Insert(s),
        _ => throw new ArgumentException("retain or insert"),
    }).ToList());

    /// <summary>One seeded run: an authority, tabs, and the messages between them as unordered bags.</summary>
    private sealed class Schedule
    {
        private readonly Random random;
        private readonly int seed;
        private readonly string start;
        private readonly FieldDocument server;
        private readonly List<Tab> tabs;
        private readonly List<AppliedEdit> log = [];

        public Schedule(int seed)
        {
            this.seed = seed;
            random = new Random(seed);
            start = RandomEdits.Text(random, 0, 12);

            // A small window of kept edits, so that some tabs fall behind it and must resync.
            server = new FieldDocument(start, 0, 10_000, retainedEdits: random.Next(4, 40));
            tabs = [.. Enumerable.Range(0, random.Next(2, 9)).Select(i => new Tab($"tab{i}", Guid.NewGuid(), new FieldReplica($"tab{i}", start, 0)))];
        }

        public void Play()
        {
            var steps = random.Next(20, 160);
            for (var step = 0; step < steps; step++)
            {
                var tab = tabs[random.Next(tabs.Count)];
                switch (random.Next(10))
                {
                    case 0 or 1 or 2 when tab.Connected:
                        tab.Replica.Edit(RandomEdits.Op(random, tab.Replica.Text));
                        SendNext(tab);
                        break;
                    case 3 or 4 when tab.ToServer.Count > 0:
                        DeliverToServer(tab, Take(tab.ToServer));
                        break;
                    case 5 or 6 or 7 when tab.ToTab.Count > 0:
                        DeliverToTab(tab, Take(tab.ToTab));
                        break;
                    case 8 when tab.Connected:
                        Disconnect(tab);
                        break;
                    case 9 when !tab.Connected:
                        Reconnect(tab);
                        break;
                }
            }

            // Everyone comes back and the network drains.
            foreach (var tab in tabs.Where(t => !t.Connected))
            {
                Reconnect(tab);
            }

            for (var guard = 0; tabs.Any(t => t.ToServer.Count > 0 || t.ToTab.Count > 0 || t.Replica.HasPending); guard++)
            {
                Assert.True(guard < 100_000, $"seed {seed}: the network did not drain");
                foreach (var tab in tabs)
                {
                    while (tab.ToServer.Count > 0)
                    {
                        DeliverToServer(tab, Take(tab.ToServer));
                    }

                    while (tab.ToTab.Count > 0)
                    {
                        DeliverToTab(tab, Take(tab.ToTab));
                    }
                }
            }
        }

        public void AssertConverged()
        {
            var text = server.Text;
            var replayed = start;
            foreach (var edit in log)
            {
                replayed = TextOt.Apply(replayed, edit.Op);
            }

            Assert.True(replayed == text, $"seed {seed}: the authority's text \"{text}\" is not its edits applied in order: \"{replayed}\"");
            Assert.Equal(server.Revision, log.Count);
            foreach (var tab in tabs)
            {
                Assert.True(tab.Replica.Text == text && tab.Replica.Revision == server.Revision,
                    $"seed {seed}: {tab.Replica.ClientId} has \"{tab.Replica.Text}\" at {tab.Replica.Revision}, the authority \"{text}\" at {server.Revision}");

                // Exactly once: each of the tab's acknowledged ops is in the log once, in sequence order.
                var mine = log.Where(e => e.ClientId == tab.Replica.ClientId).Select(e => e.ClientSeq).ToList();
                Assert.True(mine.SequenceEqual(mine.Distinct().Order()), $"seed {seed}: {tab.Replica.ClientId}'s ops were applied as {string.Join(",", mine)}");
                Assert.Equal(mine, tab.Acked.Order());
            }
        }

        private void SendNext(Tab tab)
        {
            if (tab.Connected && tab.Replica.NextToSend(tab.Author) is { } request)
            {
                tab.ToServer.Add(request);
            }
        }

        private void DeliverToServer(Tab tab, EditRequest request)
        {
            var result = server.Submit(request, DateTimeOffset.UnixEpoch);
            switch (result.Outcome)
            {
                case SubmitOutcome.Applied:
                    var applied = result.AppliedEdit;
                    log.Add(applied);
                    foreach (var t in tabs.Where(t => t.Connected))
                    {
                        t.ToTab.Add(new Message(applied, null));
                    }

                    if (tab.Connected)
                    {
                        tab.ToTab.Add(new Message(null, (request.ClientSeq, applied.Revision)));
                    }

                    break;
                case SubmitOutcome.Duplicate when tab.Connected:
                    tab.ToTab.Add(new Message(null, (request.ClientSeq, result.Revision)));
                    break;
                case SubmitOutcome.Duplicate:
                    break;
                case SubmitOutcome.ResyncNeeded when tab.Connected:
                    // The tab catches up from the authority's history (the journal, in the product), then resends.
                    CatchUp(tab);
                    break;
                case SubmitOutcome.ResyncNeeded:
                    break;
                default:
                    Assert.Fail($"seed {seed}: {request.ClientId}'s op {request.Op} at base {request.BaseRevision} was refused: {result.Reason}");
                    break;
            }
        }

        private void DeliverToTab(Tab tab, Message message)
        {
            if (message.Edit is { } edit)
            {
                tab.Replica.Receive(edit);
                if (edit.ClientId == tab.Replica.ClientId)
                {
                    tab.Acked.Add(edit.ClientSeq);
                }
            }
            else if (message.Ack is var (seq, revision))
            {
                tab.Replica.Acknowledge(seq, revision);
                tab.Acked.Add(seq);
            }

            SendNext(tab);
        }

        private void Disconnect(Tab tab)
        {
            tab.Connected = false;
            tab.ToTab.Clear();

            // Some of what it sent had reached the server before the connection went; the rest is lost.
            tab.ToServer.RemoveAll(_ => random.Next(2) == 0);
        }

        private void Reconnect(Tab tab)
        {
            tab.Connected = true;
            CatchUp(tab);
        }

        /// <summary>As a tab does on reconnecting: takes in what it missed, then resends what is still unacknowledged.</summary>
        private void CatchUp(Tab tab)
        {
            // The edits kept in memory, or (further back) the journal's, which the log stands for here.
            var missed = server.EditsSince(tab.Replica.Revision) ?? [.. log.Skip(tab.Replica.Revision)];
            foreach (var edit in missed)
            {
                tab.Replica.Receive(edit);
                if (edit.ClientId == tab.Replica.ClientId)
                {
                    tab.Acked.Add(edit.ClientSeq);
                }
            }

            if (tab.Replica.Resend(tab.Author) is { } again)
            {
                tab.ToServer.Add(again);
            }
            else
            {
                SendNext(tab);
            }
        }

        private T Take<T>(List<T> bag)
        {
            var i = random.Next(bag.Count);
            var item = bag[i];
            bag.RemoveAt(i);
            return item;
        }
    }

    private sealed record Message(AppliedEdit? Edit, (long Seq, int Revision)? Ack);

    private sealed class Tab(string id, Guid author, FieldReplica replica)
    {
        public string Id { get; } = id;

        public Guid Author { get; } = author;

        public FieldReplica Replica { get; } = replica;

        public bool Connected { get; set; } = true;

        public List<EditRequest> ToServer { get; } = [];

        public List<Message> ToTab { get; } = [];

        public HashSet<long> Acked { get; } = [];
    }
}

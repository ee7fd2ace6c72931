using System.Diagnostics;

using Quorum.Domain.Editing;

namespace Quorum.Traces;

/// <summary>
/// Replays an editing trace through the real editing engine: a <see cref="FieldDocument"/> as the authority and
/// one <see cref="FieldReplica"/> (the client model browsers run) per author, talking as a client and the server
/// do, only without a network in between.
/// </summary>
public static class TraceReplay
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    /// <summary>
    /// A sequential trace through <paramref name="clients"/> clients taking turns by transaction; each catches up
    /// with the others' edits before it types, as a person sees the text before changing it.
    /// </summary>
    public static ReplayResult Sequential(EditingTrace trace, int clients = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        var server = new FieldDocument(trace.StartContent, 0, int.MaxValue);
        var replicas = Enumerable.Range(0, clients).Select(i => new FieldReplica($"client{i}", trace.StartContent, 0)).ToArray();
        var seen = new int[clients];
        var authors = Enumerable.Range(0, clients).Select(_ => Guid.NewGuid()).ToArray();
        var log = new List<AppliedEdit>();
        var ops = 0;
        var clock = Stopwatch.StartNew();
        for (var t = 0; t < trace.Transactions.Count; t++)
        {
            var c = t % clients;
            var replica = replicas[c];
            for (; seen[c] < log.Count; seen[c]++)
            {
                replica.Receive(log[seen[c]]);
            }

            foreach (var patch in trace.Transactions[t].Patches)
            {
                replica.Edit(patch.ToOp());
                ops++;
            }

            Flush(server, replica, authors[c], log);
        }

        for (var c = 0; c < clients; c++)
        {
            for (; seen[c] < log.Count; seen[c]++)
            {
                replicas[c].Receive(log[seen[c]]);
            }
        }

        clock.Stop();
        return Result(trace, server, replicas, ops, clock.Elapsed);
    }

    /// <summary>
    /// A concurrent trace with one client per agent. Each transaction's patches are relative to the text its
    /// parents produced, so before an agent types, the authority is given the other agents' edits its parents
    /// include (sent by their authors' clients, one op in flight at a time), and the agent's client takes in
    /// exactly those edits from the authority; its own earlier edits are in its text already. Edits the
    /// parents do not include stay unsent at their authors, so they are merged by transform later, as
    /// concurrent edits are.
    /// </summary>
    public static ReplayResult Concurrent(EditingTrace trace)
    {
        if (!trace.Concurrent)
        {
            throw new ArgumentException($"{trace.Name} is a sequential trace.", nameof(trace));
        }

        var agents = trace.Agents;
        var txns = trace.Transactions;
        var server = new FieldDocument(trace.StartContent, 0, int.MaxValue);
        var replicas = Enumerable.Range(0, agents).Select(a => new FieldReplica($"agent{a}", trace.StartContent, 0, composeBuffer: false)).ToArray();
        var authors = Enumerable.Range(0, agents).Select(_ => Guid.NewGuid()).ToArray();

        // Each agent's transactions in order, and each transaction's place among its agent's own.
        var byAgent = Enumerable.Range(0, agents).Select(_ => new List<int>()).ToArray();
        var ordinal = new int[txns.Count];
        for (var t = 0; t < txns.Count; t++)
        {
            ordinal[t] = byAgent[txns[t].Agent].Count;
            byAgent[txns[t].Agent].Add(t);
        }

        // A transaction's version: per agent, how many of its transactions it has seen (own ones included).
        var versions = new int[txns.Count][];
        for (var t = 0; t < txns.Count; t++)
        {
            var v = new int[agents];
            foreach (var p in txns[t].Parents)
            {
                for (var a = 0; a < agents; a++)
                {
                    v[a] = Math.Max(v[a], versions[p][a]);
                }

                v[txns[p].Agent] = Math.Max(v[txns[p].Agent], ordinal[p] + 1);
            }

            versions[t] = v;
        }

        var log = new List<AppliedEdit>();
        var origin = new List<int>(); // the transaction each logged edit came from
        var sent = new int[agents];   // transactions of each agent the authority has
        var seen = new int[agents];   // log entries each agent's client has taken in
        var ops = 0;
        var clock = Stopwatch.StartNew();
        for (var t = 0; t < txns.Count; t++)
        {
            var agent = txns[t].Agent;
            var version = versions[t];
            if (version[agent] != ordinal[t])
            {
                throw new InvalidDataException($"Transaction {t} of {trace.Name} does not follow its agent's previous one.");
            }

            // The authority must have what this agent saw, sent in trace order so that causes come first.
            var needed = new List<int>();
            for (var a = 0; a < agents; a++)
            {
                if (a != agent)
                {
                    for (var k = sent[a]; k < version[a]; k++)
                    {
                        needed.Add(byAgent[a][k]);
                    }

                    sent[a] = Math.Max(sent[a], version[a]);
                }
            }

            needed.Sort();
            foreach (var n in needed)
            {
                var a = txns[n].Agent;
                Send(server, replicas[a], authors[a], log, origin, ref seen[a], n, txns[n].Patches.Count);
            }

            // Take in the authority's edits up to the last one this transaction saw; none it did not see may come before.
            var last = seen[agent];
            for (var i = seen[agent]; i < log.Count; i++)
            {
                var from = origin[i];
                if (txns[from].Agent != agent && ordinal[from] < version[txns[from].Agent])
                {
                    last = i + 1;
                }
            }

            for (; seen[agent] < last; seen[agent]++)
            {
                var from = origin[seen[agent]];
                if (txns[from].Agent != agent && ordinal[from] >= version[txns[from].Agent])
                {
                    throw new InvalidDataException($"Transaction {t} of {trace.Name} cannot be replayed in order: it saw an edit that comes after one it did not see.");
                }

                replicas[agent].Receive(log[seen[agent]]);
            }

            foreach (var patch in txns[t].Patches)
            {
                replicas[agent].Edit(patch.ToOp());
                ops++;
            }
        }

        for (var a = 0; a < agents; a++)
        {
            for (var k = sent[a]; k < byAgent[a].Count; k++)
            {
                Send(server, replicas[a], authors[a], log, origin, ref seen[a], byAgent[a][k], txns[byAgent[a][k]].Patches.Count);
            }
        }

        foreach (var (replica, a) in replicas.Select((r, a) => (r, a)))
        {
            for (; seen[a] < log.Count; seen[a]++)
            {
                replica.Receive(log[seen[a]]);
            }
        }

        clock.Stop();
        return Result(trace, server, replicas, ops, clock.Elapsed);
    }

    /// <summary>Sends a client's unacknowledged ops one at a time until none is left.</summary>
    private static void Flush(FieldDocument server, FieldReplica replica, Guid author, List<AppliedEdit> log)
    {
        while (replica.NextToSend(author) is { } request)
        {
            Submit(server, replica, request, log);
        }
    }

    /// <summary>
    /// Sends the next <paramref name="count"/> ops of a client (one transaction's patches). An ack reaches a client
    /// only after every edit before it, so the client takes in all the authority has before each send.
    /// </summary>
    private static void Send(FieldDocument server, FieldReplica replica, Guid author, List<AppliedEdit> log, List<int> origin, ref int seen, int transaction, int count)
    {
        for (var i = 0; i < count; i++)
        {
            for (; seen < log.Count; seen++)
            {
                replica.Receive(log[seen]);
            }

            var request = replica.NextToSend(author)
                ?? throw new InvalidOperationException($"The client of transaction {transaction} has nothing left to send.");
            Submit(server, replica, request, log);
            origin.Add(transaction);
            seen = log.Count; // its own edit, taken in through the ack
        }
    }

    private static void Submit(FieldDocument server, FieldReplica replica, EditRequest request, List<AppliedEdit> log)
    {
        var result = server.Submit(request, Epoch);
        if (result.Outcome != SubmitOutcome.Applied)
        {
            throw new InvalidOperationException($"The authority did not apply {request.ClientId}'s op {request.ClientSeq}: {result}");
        }

        log.Add(result.AppliedEdit);
        replica.Acknowledge(request.ClientSeq, result.Revision);
    }

    private static ReplayResult Result(EditingTrace trace, FieldDocument server, IReadOnlyList<FieldReplica> replicas, int ops, TimeSpan elapsed)
    {
        var text = server.Text;
        var converged = replicas.All(r => !r.HasPending && r.Text == text);
        return new ReplayResult(trace.Name, trace.Concurrent ? "concurrent" : "sequential", replicas.Count, ops, server.Revision,
            elapsed.TotalSeconds, ops / Math.Max(elapsed.TotalSeconds, 1e-9), converged, text == trace.EndContent);
    }
}

public sealed record ReplayResult(
    string Trace,
    string Kind,
    int Clients,
    int Ops,
    int Revisions,
    double Seconds,
    double OpsPerSecond,
    bool Converged,
    bool MatchesEndContent);

using System.Diagnostics;
using Quorum.Simulator.Experts;
using Quorum.Simulator.Planning;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Simulation;

/// <summary>
/// A whole simulated panel against a running server: the facilitator signs in with their link, opens (or
/// creates) the panel, invites the experts; each expert signs in with their own link in their own browser
/// (cookie jar and hub connection) and works concurrently until the bank holds the items asked for, while the
/// facilitator runs review rounds over them until every item has been through its rounds. Never throws for what
/// happens on the server: that is counted in the report.
/// </summary>
public sealed class PanelSimulation(SimulationOptions options, TextWriter output, TextWriter diagnostics)
{
    /// <summary>The groups experts are dealt into, round-robin (the product's default groups).</summary>
    public static IReadOnlyList<string> ExpertGroups { get; } = ["Frontline practitioner", "Sector leader", "Lawyer", "Academic"];

    public async Task<SimulationReport> RunAsync(CancellationToken cancellation)
    {
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var clock = Stopwatch.StartNew();
        var counters = new SimulationCounters();
        var typed = new TypedFields();
        var log = new ProblemLog(diagnostics);
        var server = WithTrailingSlash(options.Server);
        var browsers = new List<QuorumClient>();
        var hubs = new List<HubSession>();
        Guid? panelId = null;
        Uri? liveView = null;
        var experts = 0;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(options.TimeLimit);
        var run = deadline.Token;
        using var stopProgress = new CancellationTokenSource();
        var progress = Task.CompletedTask;
        try
        {
            var traces = TraceLibrary.Load(TraceLibrary.LocateFolder(options.TracesFolder));

            var facilitator = new QuorumClient(server, options.Transport);
            browsers.Add(facilitator);
            var me = await facilitator.SignInAsync(SignInLink.Token(options.FacilitatorLink), run).ConfigureAwait(false);
            var panel = await OpenPanelAsync(facilitator, me, run).ConfigureAwait(false);
            panelId = panel.PanelId;
            liveView = new Uri(server, $"panels/{panel.PanelId}/live");
            output.WriteLine($"panel {panel.PanelId} \"{panel.Name}\"");
            output.WriteLine($"live view: {liveView}");

            await EnsureGroupsAsync(facilitator, panel, run).ConfigureAwait(false);
            var existing = (await facilitator.ListItemsAsync(panel.PanelId, run).ConfigureAwait(false)).Items.Count;
            var plan = WritingPlan.Create(Math.Max(0, options.Items - existing), options.Seed);
            var context = new PanelContext(
                panel.PanelId,
                panel.Framework.Statements,
                traces,
                counters,
                log,
                new WritingLedger(plan.Jobs.Count),
                new RoundLedger(),
                options.Habits,
                options.Pace,
                ReviewBudget: (options.Items * (options.MaxRounds + 2)) + 20,
                options.MaxRounds,
                typed);

            var facilitatorHub = await HubSession.ConnectAsync(facilitator, options.Transport, $"facilitator {me.Name}", counters, log, run).ConfigureAwait(false);
            hubs.Add(facilitatorHub);
            var desk = new FacilitatorDesk(facilitatorHub, context, Seeds.For(options.Seed, Seeds.FacilitatorStream));
            await desk.JoinAsync(run).ConfigureAwait(false);
            if (options.Instruments is { } instruments)
            {
                await desk.SetInstrumentsAsync(panel.Review, instruments, run).ConfigureAwait(false);
            }

            var team = await AssembleAsync(server, facilitator, panel.PanelId, plan, context, browsers, hubs, run).ConfigureAwait(false);
            experts = team.Count;
            output.WriteLine($"{experts} experts signed in; writing {plan.ItemCount} items ({existing} already in the bank)");

            // Rounds of a few items per statement: about two per statement over the bank asked for.
            var roundSize = Math.Clamp((int)Math.Ceiling(plan.ItemCount / (2.0 * panel.Framework.Statements.Count)), 2, 12);
            var roundTime = options.RoundTime ?? TimeSpan.FromMilliseconds(Math.Max(10_000, options.Pace.TotalMilliseconds * 200));
            var rounds = new RoundFacilitator(facilitatorHub, context, team.Select(e => e.PersonId), roundSize, roundTime);

            var printer = new ProgressPrinter(output, counters, clock, plan.ItemCount);
            progress = printer.RunAsync(options.ProgressInterval, stopProgress.Token);
            await Task.WhenAll([
                Task.Run(() => rounds.RunAsync(run), CancellationToken.None),
                .. team.Select(expert => Task.Run(() => expert.RunAsync(run), CancellationToken.None))]).ConfigureAwait(false);
            run.ThrowIfCancellationRequested();

            await desk.ResolveOpenChallengesAsync(run).ConfigureAwait(false);
            await stopProgress.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
            printer.PrintLine();
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            if (!cancellation.IsCancellationRequested)
            {
                counters.Failed();
                log.Note($"error: the time limit of {options.TimeLimit.TotalSeconds:0} s ran out before the panel finished.");
            }
        }
        catch (Exception e)
        {
            counters.Failed();
            log.Error("simulator", "running the panel", e);
        }
        finally
        {
            await stopProgress.CancelAsync().ConfigureAwait(false);
            await progress.ConfigureAwait(false);
            await Task.WhenAll(hubs.Select(hub => hub.DisposeAsync().AsTask())).ConfigureAwait(false);
            foreach (var browser in browsers)
            {
                browser.Dispose();
            }
        }

        var c = counters.Snapshot();
        return new SimulationReport(
            experts, c.Items, c.Edits, c.Comments, c.Challenges, c.Ratings, c.RoundsOpened, c.RoundsClosed, c.Agreed, c.NeedsRevision,
            c.Refusals, c.Errors, Math.Round(clock.Elapsed.TotalSeconds, 1), panelId)
        {
            Locked = c.Locked,
            LateRatings = c.LateRatings,
            Revisions = c.Revisions,
            RatingsSeenLive = c.RatingsSeenLive,
            Resolutions = c.Resolutions,
            Additions = c.Additions,
            Merged = c.Merged,
            Fields = typed.Snapshot(),
            ItemsSeenLive = c.ItemsSeenLive,
            Cancelled = cancellation.IsCancellationRequested,
            LiveView = liveView,
        };
    }

    /// <summary>The panel named by the options, or a new one on the first framework the server offers.</summary>
    private async Task<PanelView> OpenPanelAsync(QuorumClient facilitator, Me me, CancellationToken cancellation)
    {
        PanelView panel;
        if (options.PanelId is { } id)
        {
            panel = await facilitator.GetPanelAsync(id, cancellation).ConfigureAwait(false);
        }
        else
        {
            if (!me.CanCreatePanels)
            {
                throw new InvalidOperationException($"{me.Name} may not create panels: pass --panel with a panel they facilitate.");
            }

            var frameworks = await facilitator.GetFrameworksAsync(cancellation).ConfigureAwait(false);
            if (frameworks.Count == 0)
            {
                throw new InvalidOperationException("The server offers no framework to create a panel on.");
            }

            var name = $"Simulated panel {DateTimeOffset.Now:yyyy-MM-dd HH:mm}";
            panel = await facilitator.CreatePanelAsync(name, frameworks[0].Id, cancellation).ConfigureAwait(false);
        }

        if (panel.MyRole != PanelRole.Facilitator)
        {
            throw new InvalidOperationException($"{me.Name} is not a facilitator of panel {panel.PanelId}, so cannot invite experts to it.");
        }

        if (panel.Framework.Statements.Count == 0)
        {
            throw new InvalidOperationException($"Panel {panel.PanelId} has a framework without statements; items cannot be tagged.");
        }

        return panel;
    }

    /// <summary>Adds any of the four expert groups the panel lacks (an existing panel may have been set up differently).</summary>
    private static async Task EnsureGroupsAsync(QuorumClient facilitator, PanelView panel, CancellationToken cancellation)
    {
        foreach (var group in ExpertGroups.Where(g => !panel.Groups.Contains(g, StringComparer.Ordinal)))
        {
            await facilitator.AddGroupAsync(panel.PanelId, group, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Invites every expert, then signs each in with their own link, in their own browser, a few at a time.</summary>
    private async Task<List<SimulatedExpert>> AssembleAsync(
        Uri server,
        QuorumClient facilitator,
        Guid panelId,
        WritingPlan plan,
        PanelContext context,
        List<QuorumClient> browsers,
        List<HubSession> hubs,
        CancellationToken cancellation)
    {
        var invites = new List<(string Name, string Token)>(options.Experts);
        for (var i = 0; i < options.Experts; i++)
        {
            var group = ExpertGroups[i % ExpertGroups.Count];
            var name = $"Simulated {group.ToLowerInvariant()} {i + 1}";
            var issued = await facilitator.InviteAsync(panelId, new InviteRequest(name, group, null, PanelRole.Expert), cancellation).ConfigureAwait(false);
            invites.Add((name, SignInLink.Token(issued.Link)));
        }

        var experts = new SimulatedExpert[options.Experts];
        using var gate = new SemaphoreSlim(options.ConcurrentSignIns);
        await Task.WhenAll(invites.Select(async (invite, index) =>
        {
            await gate.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                var browser = new QuorumClient(server, options.Transport);
                lock (browsers)
                {
                    browsers.Add(browser);
                }

                var me = await browser.SignInAsync(invite.Token, cancellation).ConfigureAwait(false);
                var hub = await HubSession.ConnectAsync(browser, options.Transport, invite.Name, context.Counters, context.Log, cancellation).ConfigureAwait(false);
                lock (hubs)
                {
                    hubs.Add(hub);
                }

                experts[index] = new SimulatedExpert(hub, context, me.PersonId, plan.For(index, options.Experts), Seeds.For(options.Seed, index));
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);

        return [.. experts];
    }

    private static Uri WithTrailingSlash(Uri server) =>
        server.AbsolutePath.EndsWith('/') ? server : new Uri(server.GetLeftPart(UriPartial.Path) + "/");
}

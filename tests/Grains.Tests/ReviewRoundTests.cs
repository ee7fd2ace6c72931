using Orleans.Runtime;
using Quorum.Contracts.Common;
using Quorum.Contracts.Editing;
using Quorum.Contracts.Items;
using Quorum.Contracts.Panels;
using Quorum.Contracts.Rounds;
using Quorum.Domain.Consensus;
using Quorum.Domain.Editing;
using Quorum.Domain.Items;

namespace Quorum.Grains.Tests;

/// <summary>
/// Delphi rounds in the grains: items enter review only complete, ratings are hidden until one has rated, a round's
/// close decides each item by the panel's rules and leaves an immutable snapshot, overrides are recorded, and in a
/// pseudonymous panel nothing an expert receives names another expert.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReviewRoundTests(ClusterFixture fixture)
{
    private static readonly Rating Agree = new(Essentiality.Essential, 4, true, null);
    private static readonly Rating Disagree = new(Essentiality.NotNecessary, 1, false, "Tests recall, not practice.");

    private IGrainFactory Grains => fixture.Grains;

    private static ItemDraft Question(string statement = "kss-cfp-3", string? rationale = "Most walk by 12 months.") =>
        new(ItemKind.SingleBestAnswer, statement, "At what age do most children walk unaided?", ["6 months", "12 months", "24 months", "36 months"], [1], rationale, null, null);

    private async Task<Panel> PanelAsync(int experts, ReviewSettings? settings = null)
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var panel = Grains.GetGrain<IPanelGrain>(panelId);
        if (settings is not null)
        {
            Assert.True((await panel.SetReview(facilitator, settings)).Ok);
        }

        var groups = new[] { "Academic", "Lawyer", "Frontline practitioner", "Sector leader" };
        var ids = new List<Guid>();
        for (var i = 0; i < experts; i++)
        {
            ids.Add(await fixture.InviteAsync(panelId, facilitator, $"Expert Number{i}", groups[i % groups.Length]));
        }

        return new Panel(panelId, facilitator, ids, panel);
    }

    private async Task<Guid> ItemAsync(Panel p, ItemDraft? draft = null)
    {
        var created = await p.Grain.CreateItem(p.Experts[0], draft ?? Question());
        Assert.True(created.Ok, created.Error?.Message);
        return created.Value!.Summary.ItemId;
    }

    private async Task<RoundView> OpenAsync(Panel p, params Guid[] items)
    {
        var opened = await p.Grain.OpenRound(p.Facilitator, new RoundRequest(null, items, null, null));
        Assert.True(opened.Ok, opened.Error?.Message);
        return opened.Value!;
    }

    [Fact]
    public async Task Others_ratings_stay_hidden_until_one_has_rated()
    {
        var p = await PanelAsync(3);
        var itemId = await ItemAsync(p);
        await OpenAsync(p, itemId);
        var item = Grains.GetGrain<IItemGrain>(itemId);
        Assert.True((await item.Rate(p.Experts[1], Disagree)).Ok);

        var before = (await item.GetReview(p.Experts[2])).Value!;
        Assert.True(before.Hidden);
        Assert.Null(before.Current);
        Assert.Null(before.Preview);
        Assert.Null((await item.Get(p.Experts[2])).Value!.Review.Current);
        Assert.Null((await item.Get(p.Experts[2])).Value!.Summary.Live);
        Assert.Null((await p.Grain.ListItems(p.Experts[2], null, null)).Value!.Items.Single().Live);

        var after = (await item.Rate(p.Experts[2], Agree)).Value!;
        Assert.False(after.Hidden);
        Assert.Equal(2, after.Current!.Raters);
        Assert.Equal(Agree, after.MyRating);

        var facilitator = (await item.GetReview(p.Facilitator)).Value!;
        Assert.False(facilitator.Hidden);
        Assert.Equal(2, facilitator.Current!.Raters);
    }

    [Fact]
    public async Task Closing_a_round_moves_each_item_by_the_rules_and_keeps_an_immutable_snapshot()
    {
        var rules = ConsensusRules.Defaults with { MinRaters = 5 };
        var p = await PanelAsync(5, ReviewSettings.Defaults with { Rules = rules });
        var agreed = await ItemAsync(p);
        var contested = await ItemAsync(p);
        var round = await OpenAsync(p, agreed, contested);
        Assert.Equal(ItemStatus.InReview, (await Grains.GetGrain<IItemGrain>(agreed).GetSummary())!.Status);

        // N = 5: the exact critical value needs all 5 "essential" (P(X >= 5) = 1/32 <= .05; P(X >= 4) = 6/32 > .05).
        foreach (var expert in p.Experts)
        {
            Assert.True((await Grains.GetGrain<IItemGrain>(agreed).Rate(expert, Agree)).Ok);
            Assert.True((await Grains.GetGrain<IItemGrain>(contested).Rate(expert, expert == p.Experts[0] ? Disagree : Agree)).Ok);
        }

        var closed = (await Grains.GetGrain<IRoundGrain>(round.RoundId).Close(p.Facilitator)).Value!;
        Assert.Equal(RoundStatus.Closed, closed.Status);
        var results = closed.Results!;
        Assert.Equal(ItemStatus.Agreed, results.Items.Single(i => i.ItemId == agreed).Outcome);
        var failed = results.Items.Single(i => i.ItemId == contested);
        Assert.Equal(ItemStatus.NeedsRevision, failed.Outcome);
        Assert.Contains(failed.Decision.FailedChecks(), c => c.Rule == "cvr");
        Assert.Equal(ItemStatus.Agreed, (await Grains.GetGrain<IItemGrain>(agreed).GetSummary())!.Status);
        Assert.Equal(ItemStatus.NeedsRevision, (await Grains.GetGrain<IItemGrain>(contested).GetSummary())!.Status);
        Assert.Equal(5, results.Overall.Raters);
        Assert.Equal(2, results.Overall.Items);

        // Closed means closed: no rating, no second close; the snapshot reads the same after reactivation.
        Assert.Equal(ProblemCodes.Closed, (await Grains.GetGrain<IItemGrain>(agreed).Rate(p.Experts[0], Disagree)).Error?.Code);
        Assert.Equal(ProblemCodes.Closed, (await Grains.GetGrain<IRoundGrain>(round.RoundId).Close(p.Facilitator)).Error?.Code);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var again = (await Grains.GetGrain<IRoundGrain>(round.RoundId).Get(p.Experts[1])).Value!;
        Assert.Equal(
            results.Items.Select(i => (i.ItemId, i.Outcome, i.Statistics.Raters, i.Statistics.Essential)),
            again.Results!.Items.Select(i => (i.ItemId, i.Outcome, i.Statistics.Raters, i.Statistics.Essential)));
        Assert.Equal(RoundStatus.Closed, Assert.Single((await p.Grain.ListRounds(p.Experts[1])).Value!).Status);
    }

    [Fact]
    public async Task The_next_round_shows_the_previous_distribution_anonymous_reasons_and_ones_own_rating()
    {
        var p = await PanelAsync(3, ReviewSettings.Defaults with { Rules = ConsensusRules.Defaults with { MinRaters = 3 } });
        var itemId = await ItemAsync(p);
        var first = await OpenAsync(p, itemId);
        var item = Grains.GetGrain<IItemGrain>(itemId);
        await item.Rate(p.Experts[0], Agree);
        await item.Rate(p.Experts[1], Disagree);
        await item.Rate(p.Experts[2], Disagree with { Reason = "Option C is also defensible." });
        await Grains.GetGrain<IRoundGrain>(first.RoundId).Close(p.Facilitator);
        Assert.Equal(ItemStatus.NeedsRevision, (await item.GetSummary())!.Status);

        var second = await OpenAsync(p, itemId);
        Assert.Equal(2, second.Number);
        var view = (await item.GetReview(p.Experts[1])).Value!;
        Assert.True(view.Hidden);
        Assert.Null(view.MyRating);
        var feedback = view.Previous!;
        Assert.Equal(first.RoundId, feedback.RoundId);
        Assert.Equal(3, feedback.Statistics.Raters);
        Assert.Equal(2, feedback.Statistics.NotNecessary);
        Assert.Equal(["Option C is also defensible.", "Tests recall, not practice."], feedback.Reasons);
        Assert.Equal(Disagree, feedback.MyRating);
        Assert.Equal(ItemStatus.NeedsRevision, feedback.Outcome);

        // Changing one's mind in round 2 leaves round 1 as it was.
        await item.Rate(p.Experts[1], Agree);
        var roundOne = (await Grains.GetGrain<IRoundGrain>(first.RoundId).Get(p.Facilitator)).Value!.Results!.Items.Single();
        Assert.Equal(2, roundOne.Statistics.NotNecessary);
        Assert.Null(roundOne.Stability);

        // Stability: of the two who rated in both rounds, one answered the same (the reason aside).
        await item.Rate(p.Experts[0], Agree with { Reason = "Still right." });
        var roundTwo = (await Grains.GetGrain<IRoundGrain>(second.RoundId).Close(p.Facilitator)).Value!.Results!.Items.Single();
        Assert.Equal(0.5, roundTwo.Stability);
    }

    [Fact]
    public async Task An_item_cannot_leave_draft_with_required_fields_missing()
    {
        var p = await PanelAsync(1);
        var incomplete = await ItemAsync(p, Question(rationale: null) with { Options = ["6 months", "", "24 months", "36 months"] });
        var complete = await ItemAsync(p);

        var opened = await p.Grain.OpenRound(p.Facilitator, new RoundRequest("Statement 3", null, "kss-cfp-3", null));
        Assert.True(opened.Ok, opened.Error?.Message);
        Assert.Equal([complete], opened.Value!.ItemIds);
        var refusal = Assert.Single(opened.Value.Refused);
        Assert.Equal(incomplete, refusal.ItemId);
        Assert.Equal(["option1", "rationale"], refusal.Problems.Select(x => x.Field));
        Assert.Equal(ItemStatus.Draft, (await Grains.GetGrain<IItemGrain>(incomplete).GetSummary())!.Status);
        var missing = (await Grains.GetGrain<IItemGrain>(incomplete).Get(p.Experts[0])).Value!.Missing;
        Assert.Equal(["option1", "rationale"], missing.Select(x => x.Field));

        var onlyIncomplete = await p.Grain.OpenRound(p.Facilitator, new RoundRequest(null, [incomplete], null, null));
        Assert.Equal(ProblemCodes.Invalid, onlyIncomplete.Error?.Code);
        Assert.Contains("option B", onlyIncomplete.Error!.Message, StringComparison.Ordinal);
        Assert.Equal([opened.Value.RoundId], (await p.Grain.ListRounds(p.Facilitator)).Value!.Select(r => r.RoundId));
        Assert.Equal(ItemLifecycle.IsEditable(ItemStatus.Draft), (await Grains.GetGrain<IFieldGrain>(incomplete, ItemFields.Stem, null)
            .Edit(p.Experts[0], new FieldEdit("tab", 1, 1, TextOp.From([OpComponent.Insert("Still a draft: ")])))).Ok);
    }

    [Fact]
    public async Task Bad_round_requests_and_ratings_are_refused_and_change_nothing()
    {
        var p = await PanelAsync(2, ReviewSettings.Defaults with { Instruments = [Instrument.Relevance, Instrument.Angoff] });
        var inRound = await ItemAsync(p);
        var outside = await ItemAsync(p);
        var expert = p.Experts[1];

        Assert.Equal(ProblemCodes.Forbidden, (await p.Grain.OpenRound(expert, new RoundRequest(null, [inRound], null, null))).Error?.Code);
        Assert.Equal("itemIds", (await p.Grain.OpenRound(p.Facilitator, new RoundRequest(null, [Guid.NewGuid()], null, null))).Error?.Field);
        Assert.Equal("itemIds", (await p.Grain.OpenRound(p.Facilitator, new RoundRequest(null, null, null, null))).Error?.Field);
        Assert.Equal("status", (await p.Grain.OpenRound(p.Facilitator, new RoundRequest(null, null, null, ItemStatus.Final))).Error?.Field);
        Assert.Equal("name", (await p.Grain.OpenRound(p.Facilitator, new RoundRequest(new string('x', 101), [inRound], null, null))).Error?.Field);
        Assert.Empty((await p.Grain.ListRounds(p.Facilitator)).Value!);

        var round = await OpenAsync(p, inRound);
        var item = Grains.GetGrain<IItemGrain>(inRound);
        var good = new Rating(null, 3, null, null, Angoff: 60);
        Assert.Equal("relevance", (await item.Rate(expert, good with { Relevance = 5 })).Error?.Field);
        Assert.Equal("angoff", (await item.Rate(expert, good with { Angoff = 101 })).Error?.Field);
        Assert.Equal("angoff", (await item.Rate(expert, good with { Angoff = -1 })).Error?.Field);
        Assert.Equal("essentiality", (await item.Rate(expert, good with { Essentiality = Essentiality.Essential })).Error?.Field);
        Assert.Equal("keyCorrect", (await item.Rate(expert, good with { KeyCorrect = true })).Error?.Field);
        Assert.Equal(ProblemCodes.Closed, (await Grains.GetGrain<IItemGrain>(outside).Rate(expert, good)).Error?.Code);
        Assert.Equal(0, (await item.GetReview(p.Facilitator)).Value!.Current!.Raters);
        Assert.Equal(ProblemCodes.Forbidden, (await Grains.GetGrain<IRoundGrain>(round.RoundId).Close(expert)).Error?.Code);
        Assert.Equal(RoundStatus.Open, (await Grains.GetGrain<IRoundGrain>(round.RoundId).Get(expert)).Value!.Status);

        // An item already in an open round cannot be taken into another.
        var twice = await p.Grain.OpenRound(p.Facilitator, new RoundRequest(null, [inRound], null, null));
        Assert.Contains("already in the open round", twice.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_takes_only_items_of_its_own_panel()
    {
        var mine = await PanelAsync(1);
        var theirs = await PanelAsync(1);
        var foreign = await ItemAsync(theirs);

        // An empty id first must not hide the unknown ids after it.
        var opened = await mine.Grain.OpenRound(mine.Facilitator, new RoundRequest(null, [Guid.Empty, foreign], null, null));

        Assert.Equal("itemIds", opened.Error?.Field);
        Assert.Equal(ItemStatus.Draft, (await Grains.GetGrain<IItemGrain>(foreign).GetSummary())!.Status);
        Assert.Empty((await mine.Grain.ListRounds(mine.Facilitator)).Value!);
    }

    [Fact]
    public async Task Closed_rounds_read_back_from_storage_each_as_it_was_and_leave_the_defaults_alone()
    {
        var everything = ReviewSettings.Defaults with { Instruments = Instruments.All.ToArray(), Rules = ConsensusRules.Defaults with { MinRaters = 1 }, Pseudonymous = true };
        var p = await PanelAsync(2, everything);
        var itemId = await ItemAsync(p);
        var scenarioId = await ItemAsync(p, new ItemDraft(ItemKind.Scenario, "kss-cfp-3", null, null, null, null, "Amy is two and not yet walking.", null));
        var round = await OpenAsync(p, itemId, scenarioId);
        var item = Grains.GetGrain<IItemGrain>(itemId);
        var scenario = Grains.GetGrain<IItemGrain>(scenarioId);
        Assert.True((await item.Rate(p.Experts[0], new Rating(Essentiality.Essential, 4, true, null, Clarity: 4, Angoff: 70))).Ok);
        Assert.True((await item.Rate(p.Experts[1], new Rating(Essentiality.NotNecessary, 2, false, "Too narrow.", Clarity: 2, Angoff: 35))).Ok);
        Assert.True((await scenario.Rate(p.Experts[0], new Rating(Essentiality.Essential, 4, null, null, Clarity: 3))).Ok);
        var closed = (await Grains.GetGrain<IRoundGrain>(round.RoundId).Close(p.Facilitator)).Value!;
        Assert.True((await item.SetStatus(p.Facilitator, ItemStatus.Agreed, "Wording since fixed.")).Ok);
        var before = (await item.Get(p.Experts[0])).Value!;

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        // Read the question, then the scenario, then the question again: each keeps its own figures.
        Assert.Equal(2, (await item.Get(p.Experts[0])).Value!.Review.Previous!.Statistics.Raters);
        Assert.Equal(1, (await scenario.Get(p.Experts[0])).Value!.Review.Previous!.Statistics.Raters);
        var again = (await Grains.GetGrain<IRoundGrain>(round.RoundId).Get(p.Experts[1])).Value!;
        var after = (await item.Get(p.Experts[0])).Value!;
        Assert.Equal(2, after.Review.Previous!.Statistics.Raters);
        Assert.Equal(before.Review.Previous!.Statistics.Angoff, after.Review.Previous.Statistics.Angoff);
        Assert.Equal(before.Review.Previous.Decision.Checks, after.Review.Previous.Decision.Checks);
        Assert.Equal(before.History, after.History);
        Assert.Equal(["Too narrow."], after.Review.Previous.Reasons);
        Assert.Equal(closed.Results!.Overall.Angoff!.CutScore, again.Results!.Overall.Angoff!.CutScore);
        Assert.Equal(everything.Instruments, again.Settings.Instruments);

        // Reading a stored round must not write its settings into the defaults every new panel starts from.
        Assert.Equal([Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect], ReviewSettings.Defaults.Instruments);
        Assert.False(ReviewSettings.Defaults.Pseudonymous);
        Assert.Equal(5, ReviewSettings.Defaults.Rules.MinRaters);
        Assert.Equal(0, RatingStatistics.Empty.Raters);
    }

    [Fact]
    public async Task Overrides_are_facilitators_only_need_a_reason_and_are_recorded()
    {
        var p = await PanelAsync(1, ReviewSettings.Defaults with { Rules = ConsensusRules.Defaults with { MinRaters = 1 } });
        var itemId = await ItemAsync(p);
        var round = await OpenAsync(p, itemId);
        var item = Grains.GetGrain<IItemGrain>(itemId);
        Assert.Equal("status", (await item.SetStatus(p.Facilitator, ItemStatus.Agreed, "Because")).Error?.Field);
        await item.Rate(p.Experts[0], Disagree);
        await Grains.GetGrain<IRoundGrain>(round.RoundId).Close(p.Facilitator);
        Assert.Equal(ItemStatus.NeedsRevision, (await item.GetSummary())!.Status);

        Assert.Equal(ProblemCodes.Forbidden, (await item.SetStatus(Guid.NewGuid(), ItemStatus.Agreed, "x")).Error?.Code);
        Assert.Equal("status", (await item.SetStatus(p.Experts[0], ItemStatus.Agreed, "I like it")).Error?.Field);
        Assert.Equal("reason", (await item.SetStatus(p.Facilitator, ItemStatus.Agreed, " ")).Error?.Field);
        Assert.Equal(ItemStatus.NeedsRevision, (await item.GetSummary())!.Status);

        var overridden = await item.SetStatus(p.Facilitator, ItemStatus.Agreed, "The dissent was about wording, since fixed.");
        Assert.Equal(ItemStatus.Agreed, overridden.Value!.Status);
        var history = (await item.Get(p.Facilitator)).Value!.History;
        Assert.Equal(
            [(ItemStatus.Draft, ItemStatus.InReview, false), (ItemStatus.InReview, ItemStatus.NeedsRevision, false), (ItemStatus.NeedsRevision, ItemStatus.Agreed, true)],
            history.Select(h => (h.From, h.To, h.Override)));
        Assert.Equal("The dissent was about wording, since fixed.", history[^1].Reason);
        Assert.Equal(p.Facilitator, history[^1].ById);
        Assert.Equal(round.RoundId, history[1].RoundId);

        Assert.Equal(ItemStatus.Final, (await item.SetStatus(p.Facilitator, ItemStatus.Final, null)).Value!.Status);
        Assert.Equal("status", (await item.SetStatus(p.Facilitator, ItemStatus.Withdrawn, "Gone")).Error?.Field);
    }

    [Fact]
    public async Task Text_is_locked_while_in_review_and_open_again_when_sent_back_for_revision()
    {
        var p = await PanelAsync(1, ReviewSettings.Defaults with { Rules = ConsensusRules.Defaults with { MinRaters = 1 } });
        var itemId = await ItemAsync(p);
        var stem = Grains.GetGrain<IFieldGrain>(itemId, ItemFields.Stem, null);
        var insert = TextOp.From([OpComponent.Insert("Roughly, ")]);
        Assert.True((await stem.Edit(p.Experts[0], new FieldEdit("tab", 1, 1, insert))).Ok);

        var round = await OpenAsync(p, itemId);
        var locked = await stem.Edit(p.Experts[0], new FieldEdit("tab", 2, 2, insert));
        Assert.Equal(ProblemCodes.Locked, locked.Error?.Code);
        var item = Grains.GetGrain<IItemGrain>(itemId);
        var view = (await item.Get(p.Experts[0])).Value!;
        Assert.Equal(ProblemCodes.Locked, (await item.SetKeys(p.Experts[0], view.KeysRevision, [2])).Error?.Code);
        Assert.Equal(ProblemCodes.Locked, (await item.SetStatement(p.Experts[0], view.StatementRevision, "kss-cfp-4")).Error?.Code);

        await Grains.GetGrain<IItemGrain>(itemId).Rate(p.Experts[0], Disagree);
        await Grains.GetGrain<IRoundGrain>(round.RoundId).Close(p.Facilitator);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.True((await stem.Edit(p.Experts[0], new FieldEdit("tab", 3, 2, insert))).Ok);
    }

    [Fact]
    public async Task Acknowledged_ratings_survive_deactivation_through_the_journal()
    {
        var p = await PanelAsync(4);
        var itemId = await ItemAsync(p);
        await OpenAsync(p, itemId);
        var item = Grains.GetGrain<IItemGrain>(itemId);
        foreach (var expert in p.Experts)
        {
            Assert.True((await item.Rate(expert, Agree)).Ok);
        }

        await item.Rate(p.Experts[0], Disagree);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var current = (await item.GetReview(p.Facilitator)).Value!.Current!;
        Assert.Equal(4, current.Raters);
        Assert.Equal(3, current.Essential);
        Assert.Equal(1, current.NotNecessary);
    }

    [Fact]
    public async Task In_a_pseudonymous_panel_experts_see_pseudonyms_and_facilitators_see_names()
    {
        var p = await PanelAsync(3, ReviewSettings.Defaults with { Pseudonymous = true });
        var access = await p.Grain.GetAccess(p.Experts[0]);
        Assert.Equal("Academic 1", access!.Name);
        Assert.Equal("Lawyer 1", (await p.Grain.GetAccess(p.Experts[1]))!.Name);

        var itemId = await ItemAsync(p);
        var item = Grains.GetGrain<IItemGrain>(itemId);
        Assert.Equal("Academic 1", (await item.GetSummary())!.AuthorName);
        var thread = (await item.StartThread(p.Experts[1], "Is 12 months right?", isChallenge: true)).Value!;
        Assert.Equal("Lawyer 1", thread.Comments.Single().AuthorName);

        var members = (await p.Grain.GetView(p.Facilitator)).Value!.Members;
        Assert.Contains(members, m => m.Name == "Expert Number0" && m.Pseudonym == "Academic 1");
        Assert.Empty((await p.Grain.GetView(p.Experts[2])).Value!.Members);
        Assert.Equal("Frontline practitioner 1", (await p.Grain.GetView(p.Experts[2])).Value!.MyDisplayName);

        Assert.Equal("pseudonymous", (await p.Grain.SetReview(p.Facilitator, ReviewSettings.Defaults)).Error?.Field);
    }

    [Fact]
    public async Task The_dashboard_counts_each_groups_voice_and_covers_statements()
    {
        var p = await PanelAsync(4);
        var itemId = await ItemAsync(p);
        var quietDraft = await ItemAsync(p, Question("kss-cfp-4"));
        await OpenAsync(p, itemId);
        await Grains.GetGrain<IItemGrain>(itemId).Rate(p.Experts[1], Agree);
        await Grains.GetGrain<IItemGrain>(itemId).Rate(p.Experts[1], Disagree);
        await Grains.GetGrain<IItemGrain>(itemId).StartThread(p.Experts[2], "The key looks wrong", isChallenge: true);
        Assert.Equal(ProblemCodes.Forbidden, (await p.Grain.GetDashboard(p.Experts[0])).Error?.Code);
        Assert.Equal("target", (await p.Grain.SetCoverageTarget(p.Facilitator, "kss-cfp-3", -1)).Error?.Field);
        Assert.Equal("statementId", (await p.Grain.SetCoverageTarget(p.Facilitator, "nope", 3)).Error?.Field);
        Assert.True((await p.Grain.SetCoverageTarget(p.Facilitator, "kss-cfp-3", 12)).Ok);

        DashboardView dashboard;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            dashboard = (await p.Grain.GetDashboard(p.Facilitator)).Value!;
        }
        while (dashboard.Experts.Sum(e => e.Contributions.Challenges) == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(new Contributions(2, 0, 0, 0), dashboard.Experts.Single(e => e.PersonId == p.Experts[0]).Contributions);
        Assert.Equal(new Contributions(0, 0, 0, 1), dashboard.Experts.Single(e => e.PersonId == p.Experts[1]).Contributions);
        Assert.Equal(new Contributions(0, 0, 1, 0), dashboard.Experts.Single(e => e.PersonId == p.Experts[2]).Contributions);
        Assert.Equal(0.25, dashboard.Voice.Single(v => v.Group == "Academic").PanelShare);
        Assert.Equal(new CoverageLine("kss-cfp-3", 1, 0, 12), dashboard.Coverage.Single(c => c.StatementId == "kss-cfp-3"));
        Assert.Contains(dashboard.Attention.Single(a => a.ItemId == itemId).Reasons, r => r.Contains("open challenge", StringComparison.Ordinal));
        Assert.Equal(1, dashboard.Items.Single().Live!.Current.Raters); // the quiet draft is not sent
        Assert.DoesNotContain(dashboard.Items, i => i.ItemId == quietDraft);
        Assert.Equal(1, dashboard.Coverage.Single(c => c.StatementId == "kss-cfp-4").Items);
    }

    [Fact]
    public async Task An_import_is_all_or_nothing_and_its_items_open_like_any_other()
    {
        var p = await PanelAsync(1);
        var bad = await p.Grain.ImportItems(p.Experts[0], [Question(), Question() with { Keys = [0, 1] }, Question()]);
        Assert.Equal("keys", bad.Error?.Field);
        Assert.StartsWith("Item 2:", bad.Error!.Message, StringComparison.Ordinal);
        Assert.Empty((await p.Grain.ListItems(p.Facilitator, null, null)).Value!.Items);

        var imported = (await p.Grain.ImportItems(p.Experts[0], [Question(), Question("kss-cfp-5"), Question()])).Value!;
        Assert.Equal(3, imported.Count);
        Assert.Equal(3, (await p.Grain.ListItems(p.Facilitator, null, null)).Value!.Items.Count);
        var view = (await Grains.GetGrain<IItemGrain>(imported[1].ItemId).Get(p.Experts[0])).Value!;
        Assert.Equal("At what age do most children walk unaided?", view.Fields.Single(f => f.Field == ItemFields.Stem).Text);
        Assert.Equal(1, view.Fields.Single(f => f.Field == ItemFields.Stem).Revision);
        var edit = await Grains.GetGrain<IFieldGrain>(imported[1].ItemId, ItemFields.Stem, null)
            .Edit(p.Experts[0], new FieldEdit("tab", 1, 1, TextOp.From([OpComponent.Insert("Roughly, ")])));
        Assert.Equal(2, edit.Value!.Revision);
        var round = await OpenAsync(p, [.. imported.Select(i => i.ItemId)]);
        Assert.Equal(3, round.ItemIds.Count);
    }

    [Fact]
    public async Task Statistics_of_a_chosen_set_of_a_closed_rounds_items_include_the_angoff_cut_score()
    {
        var p = await PanelAsync(3, ReviewSettings.Defaults with { Instruments = [Instrument.Relevance, Instrument.Angoff] });
        var items = new[] { await ItemAsync(p), await ItemAsync(p), await ItemAsync(p) };
        var round = await OpenAsync(p, items);
        var estimates = new[,] { { 60, 70, 80 }, { 50, 55, 90 }, { 40, 65, 85 } }; // [expert, item]
        for (var e = 0; e < 3; e++)
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.True((await Grains.GetGrain<IItemGrain>(items[i]).Rate(p.Experts[e], new Rating(null, 4, null, null, Angoff: estimates[e, i]))).Ok);
            }
        }

        var grain = Grains.GetGrain<IRoundGrain>(round.RoundId);
        Assert.Equal(ProblemCodes.Closed, (await grain.StatisticsFor(p.Experts[0], [items[0]])).Error?.Code);
        await grain.Close(p.Facilitator);
        Assert.Equal("itemIds", (await grain.StatisticsFor(p.Experts[0], [items[0], Guid.NewGuid()])).Error?.Field);
        Assert.Equal("itemIds", (await grain.StatisticsFor(p.Experts[0], [])).Error?.Field);

        // Items 1 and 3: judges' cuts 1.4, 1.4 and 1.25; mean 1.35, SD 0.0866, SE 0.05.
        var form = (await grain.StatisticsFor(p.Experts[1], [items[0], items[2]])).Value!;
        Assert.Equal(2, form.Items);
        Assert.Equal(3, form.AngoffJudges);
        Assert.Equal(1.35, form.Angoff!.CutScore, 10);
        Assert.Equal(0.05, form.Angoff.StandardError!.Value, 10);
    }

    [Fact]
    public async Task An_item_refuses_a_round_of_another_panel()
    {
        var p = await PanelAsync(1);
        var itemId = await ItemAsync(p);
        var foreign = new RoundRef(Guid.NewGuid(), 1, "Elsewhere", ReviewSettings.Defaults, Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid());

        var entry = await Grains.GetGrain<IItemGrain>(itemId).EnterRound(foreign);

        Assert.Null(entry.Entered);
        Assert.Equal("itemId", Assert.Single(entry.Problems).Field);
        Assert.Equal(ItemStatus.Draft, (await Grains.GetGrain<IItemGrain>(itemId).GetSummary())!.Status);
    }

    private sealed record Panel(Guid Id, Guid Facilitator, IReadOnlyList<Guid> Experts, IPanelGrain Grain);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Quorum.Domain.Editing;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Simulation;
using ItemContracts = Quorum.Contracts.Items;
using ContractsCommon = Quorum.Contracts.Common;
using ContractsPanels = Quorum.Contracts.Panels;
using ContractsRounds = Quorum.Contracts.Rounds;
using Domain = Quorum.Domain;
using DomainConsensus = Quorum.Domain.Consensus;
using DomainItems = Quorum.Domain.Items;

namespace Quorum.Simulator.Tests;

/// <summary>
/// What the simulator sends and reads has the server's shapes: camelCase names, enums as camelCase strings (docs/api.md).
/// The server's own records (Quorum.Contracts and the domain's), serialised as its hub and REST API serialise them, are
/// read by the simulator's records without losing a value the simulator uses, and what the simulator sends is read back
/// by the server's records as meant. A change of shape on either side fails here before a run does.
/// </summary>
public sealed class JsonShapeTests
{
    /// <summary>As src/Web/Program.cs sets up SignalR's JSON protocol and the REST API: web defaults, enums as camelCase strings.</summary>
    private static readonly JsonSerializerOptions ServerJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly Guid ItemId = Guid.Parse("6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d11");
    private static readonly Guid RoundId = Guid.Parse("0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80");
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-12-03T10:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Draft_is_sent_with_camel_case_names_and_enum_strings()
    {
        var scenario = Guid.Parse("0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80");
        var draft = new ItemDraft(ItemKind.MultipleResponse, "kss-cfp-3", "Stem", ["a", "b"], [0, 2, 5], null, null, scenario);

        Assert.Equal(
            """{"kind":"multipleResponse","statementId":"kss-cfp-3","stem":"Stem","options":["a","b"],"keys":[0,2,5],"rationale":null,"vignette":null,"scenarioId":"0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80"}""",
            JsonSerializer.Serialize(draft, QuorumJson.Options));
    }

    [Fact]
    public void Rating_is_sent_as_documented_and_read_by_the_server_as_meant()
    {
        var rating = new Rating(Essentiality.UsefulNotEssential, 2, null, "Too narrow é", 1, null);

        Assert.Equal(
            """{"essentiality":"usefulNotEssential","relevance":2,"keyCorrect":null,"reason":"Too narrow é","clarity":1,"angoff":null}""",
            JsonSerializer.Serialize(rating, QuorumJson.Options));
        Assert.Equal(
            new DomainConsensus.Rating(DomainConsensus.Essentiality.UsefulNotEssential, 2, null, "Too narrow é", 1, null),
            Send<DomainConsensus.Rating>(rating));
        Assert.Equal(new DomainConsensus.Rating(null, null, true, null, null, 55), Send<DomainConsensus.Rating>(new Rating(null, null, true, null, null, 55)));
    }

    [Fact]
    public void Round_requests_are_read_by_the_server_as_meant()
    {
        var picked = new RoundRequest("Statement 3: first review", [ItemId, RoundId], null, null);
        var byStatement = new RoundRequest("Statement 3: last drafts", null, "kss-cfp-3", ItemStatus.Draft);

        var serverPicked = Send<ContractsRounds.RoundRequest>(picked);
        var serverByStatement = Send<ContractsRounds.RoundRequest>(byStatement);

        Assert.Equal(("Statement 3: first review", null, null), (serverPicked.Name, serverPicked.StatementId, serverPicked.Status));
        Assert.Equal([ItemId, RoundId], serverPicked.ItemIds);
        Assert.Equal(("kss-cfp-3", DomainItems.ItemStatus.Draft), (serverByStatement.StatementId, serverByStatement.Status));
        Assert.Null(serverByStatement.ItemIds);
        Assert.Equal(
            """{"name":"Statement 3: last drafts","itemIds":null,"statementId":"kss-cfp-3","status":"draft"}""",
            JsonSerializer.Serialize(byStatement, QuorumJson.Options));
    }

    [Fact]
    public void Review_settings_read_from_the_panel_go_back_with_other_instruments_and_the_same_rules()
    {
        var panel = Read<PanelView>(new ContractsPanels.PanelView(
            RoundId, "Panel", new Domain.Frameworks.Framework("kss-cfp", "KSS", null, null, [new Domain.Frameworks.FrameworkStatement("kss-cfp-1", 1, "Role")]),
            ["Academic"], ContractsCommon.PanelRole.Facilitator, ItemId, [], 4, DomainConsensus.ReviewSettings.Defaults, ["disclosed"], "Facilitator",
            [new ContractsRounds.RoundSummary(RoundId, 1, "Round 1", ContractsRounds.RoundStatus.Closed, 4, At, At.AddHours(1))]));

        Assert.Equal([Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect], panel.Review.Instruments);
        Assert.Equal((RoundStatus.Closed, 4), (Assert.Single(panel.Rounds).Status, panel.Rounds[0].Items));
        Assert.Equal("kss-cfp-1", Assert.Single(panel.Framework.Statements).Id);

        var sent = Send<DomainConsensus.ReviewSettings>(panel.Review with { Instruments = [Instrument.Clarity, Instrument.Angoff] });

        Assert.Equal([DomainConsensus.Instrument.Clarity, DomainConsensus.Instrument.Angoff], sent.Instruments);
        Assert.Equal(DomainConsensus.ConsensusRules.Defaults, sent.Rules);
        Assert.False(sent.Pseudonymous);
    }

    [Fact]
    public void Facilitators_summary_of_an_item_in_review_reads_with_both_rounds_ratings()
    {
        var lastRound = Statistics(Essential(4), Essential(4), Dissent());
        var current = Statistics(Essential(3), Dissent());
        var preview = DomainConsensus.ConsensusRules.Defaults.Evaluate(current, DomainConsensus.Instruments.Defaults);
        var server = Summary(DomainItems.ItemStatus.InReview, RoundId, rounds: 1, lastRound, new ItemContracts.ItemLive(RoundId, current, preview, At, 7));

        var summary = Read<ItemSummary>(server);
        var expertsSummary = Read<ItemSummary>(server.ForExperts());

        Assert.Equal((ItemStatus.InReview, RoundId, 1, 2), (summary.Status, summary.RoundId, summary.Rounds, summary.OpenChallenges));
        Assert.Equal((ItemKind.SingleBestAnswer, "kss-cfp-3"), (summary.Kind, summary.StatementId));
        Assert.False(summary.IsEditable);
        AssertSame(lastRound, summary.LastRound!);
        Assert.Equal((RoundId, 7, At), (summary.Live!.RoundId, summary.Live.RatingSeq, summary.Live.LastRatedAt));
        AssertSame(current, summary.Live.Current);
        Assert.Equal(preview.Agreed, summary.Live.Preview.Agreed);
        Assert.Equal(preview.Checks.Select(c => (c.Rule, c.Met)), summary.Live.Preview.Checks.Select(c => (c.Rule, c.Met)));
        Assert.Null(expertsSummary.Live);
        AssertSame(lastRound, expertsSummary.LastRound!);
    }

    [Fact]
    public void Rating_answer_reads_with_the_round_instruments_and_the_previous_rounds_feedback()
    {
        var previous = Statistics(Essential(4), Dissent(), Dissent());
        var decision = DomainConsensus.ConsensusRules.Defaults.Evaluate(previous, DomainConsensus.Instruments.Defaults);
        var mine = Essential(3);
        var current = Statistics(mine);
        var review = new ItemContracts.ItemReview(
            ItemId, RoundId, "After revision: 3 items", DomainConsensus.Instruments.Defaults, mine, false, current,
            DomainConsensus.ConsensusRules.Defaults.Evaluate(current, DomainConsensus.Instruments.Defaults),
            new ItemContracts.RoundFeedback(Guid.Empty, "Statement 3: first review", previous, decision, DomainItems.ItemStatus.NeedsRevision, ["Too vague", "Wrong key"], Dissent(), At),
            ["disclosed"], 9);

        var outcome = Read<Outcome<ItemReview>>(ContractsCommon.Outcome.Of(review));

        Assert.True(outcome.Ok);
        var read = outcome.Value!;
        Assert.Equal((RoundId, "After revision: 3 items", false, 9), (read.RoundId, read.RoundName, read.Hidden, read.RatingSeq));
        Assert.Equal([Instrument.Essentiality, Instrument.Relevance, Instrument.KeyCorrect], read.Instruments);
        Assert.Equal(new Rating(Essentiality.Essential, 3, true, null, null, null), read.MyRating);
        AssertSame(current, read.Current!);
        var feedback = read.Previous!;
        Assert.Equal((ItemStatus.NeedsRevision, false), (feedback.Outcome, feedback.Decision.Agreed));
        Assert.Equal(decision.Checks.Select(c => (c.Rule, c.Met, c.Text)), feedback.Decision.Checks.Select(c => (c.Rule, c.Met, c.Text)));
        Assert.Contains(feedback.Decision.Checks, c => c is { Rule: "key", Met: false });
        Assert.Equal(["Too vague", "Wrong key"], feedback.Reasons);
        Assert.Equal(new Rating(Essentiality.NotNecessary, 2, false, "Not for this exam", null, null), feedback.MyRating);
        AssertSame(previous, feedback.Statistics);
    }

    [Fact]
    public void Item_view_reads_with_the_review_and_what_is_missing()
    {
        var review = new ItemContracts.ItemReview(ItemId, null, null, [], null, false, null, null, null, [], 0);
        var server = new ItemContracts.ItemView(
            Summary(DomainItems.ItemStatus.Draft, null, 0, null, null),
            [new ItemContracts.FieldState("stem", "A resident tells", 12, ItemId, "Lawyer 2", At, ItemId)],
            [2], 3, 1, null, [], [], review,
            [new ItemContracts.StatusChange(DomainItems.ItemStatus.NeedsRevision, DomainItems.ItemStatus.Draft, ItemId, "Lawyer 2", null, null, false, At)],
            [new Domain.InputProblem("rationale", "Write the rationale.")]);

        var view = Read<ItemView>(server);

        Assert.Equal(("A resident tells", 12), (view.TextField("stem").Text, view.TextField("stem").Revision));
        Assert.Equal(("", 0), (view.TextField("rationale").Text, view.TextField("rationale").Revision));
        Assert.Equal([2], view.Keys);
        Assert.Equal(3, view.KeysRevision);
        Assert.True(view.Summary.IsEditable);
        Assert.Null(view.Review.RoundId);
        Assert.Empty(view.Review.Instruments);
        Assert.Equal(new InputProblem("rationale", "Write the rationale."), Assert.Single(view.Missing));
    }

    [Fact]
    public void Closed_round_reads_with_each_items_outcome_and_the_items_left_out()
    {
        var statistics = Statistics(Essential(4), Dissent());
        var decision = DomainConsensus.ConsensusRules.Defaults.Evaluate(statistics, DomainConsensus.Instruments.Defaults);
        var ratings = new Dictionary<Guid, DomainConsensus.Rating> { [Guid.NewGuid()] = Essential(4), [Guid.NewGuid()] = Dissent() };
        var server = new ContractsRounds.RoundView(
            RoundId, Guid.Empty, 2, "Statement 3: first review", ContractsRounds.RoundStatus.Closed, [ItemId], DomainConsensus.ReviewSettings.Defaults, At, At.AddMinutes(5),
            [new ContractsRounds.RoundRefusal(RoundId, "Unfinished", [new Domain.InputProblem("rationale", "Write the rationale.")])],
            new ContractsRounds.RoundResults(
                [new ContractsRounds.RoundItemResult(ItemId, "kss-cfp-3", true, statistics, decision, DomainItems.ItemStatus.NeedsRevision, Stability: 0.5)],
                DomainConsensus.PanelStatistics.Compute([new DomainConsensus.RatedItem(ItemId, true, ratings)], DomainConsensus.Instruments.Defaults),
                []));

        var round = Read<Outcome<RoundView>>(ContractsCommon.Outcome.Of(server)).Value!;

        Assert.Equal((RoundId, RoundStatus.Closed, 2, At.AddMinutes(5)), (round.RoundId, round.Status, round.Number, round.ClosedAt));
        Assert.Equal([ItemId], round.ItemIds);
        Assert.Equal("rationale", Assert.Single(Assert.Single(round.Refused).Problems).Field);
        var result = Assert.Single(round.Results!.Items);
        Assert.Equal((ItemId, ItemStatus.NeedsRevision, false), (result.ItemId, result.Outcome, result.Decision.Agreed));
        AssertSame(statistics, result.Statistics);
        Assert.Equal(5, round.Settings.Rules.MinRaters);
    }

    [Fact]
    public void Dashboard_and_round_events_read()
    {
        var live = new ItemContracts.ItemLive(RoundId, Statistics(Essential(4)), DomainConsensus.ConsensusRules.Defaults.Evaluate(Statistics(Essential(4)), DomainConsensus.Instruments.Defaults), At, 3);
        var opened = new ContractsRounds.RoundSummary(RoundId, 4, "After revision: 2 items", ContractsRounds.RoundStatus.Open, 2, At, null);
        var server = new ContractsPanels.DashboardView(
            [Summary(DomainItems.ItemStatus.InReview, RoundId, 1, null, live)], [opened], [], [], [], [], DomainConsensus.ReviewSettings.Defaults, At);

        var dashboard = Read<Outcome<DashboardView>>(ContractsCommon.Outcome.Of(server)).Value!;
        var roundChanged = Read<RoundSummary>(opened);

        Assert.Equal((1, 3), (Assert.Single(dashboard.Items).Live!.Current.Raters, dashboard.Items[0].Live!.RatingSeq));
        Assert.Equal(new RoundSummary(RoundId, 4, "After revision: 2 items", RoundStatus.Open, 2, At, null), Assert.Single(dashboard.Rounds));
        Assert.Equal(dashboard.Rounds[0], roundChanged);
    }

    [Fact]
    public void Lock_and_closed_round_refusals_read_with_their_codes()
    {
        var locked = Read<Outcome<EditAck>>(new ContractsCommon.Outcome<ItemContracts.ItemReview>(false, null, new ContractsCommon.Problem(ContractsCommon.ProblemCodes.Locked, "The item is in review.", "stem")));
        var closed = Read<Outcome<ItemReview>>(new ContractsCommon.Outcome<ItemContracts.ItemReview>(false, null, new ContractsCommon.Problem(ContractsCommon.ProblemCodes.Closed, "Not in an open round.")));

        Assert.Equal(new Problem(ProblemCodes.Locked, "The item is in review.", "stem"), locked.Error);
        Assert.Equal(ProblemCodes.Closed, closed.Error!.Code);
        Assert.False(closed.Ok);
    }


    [Fact]
    public void Stale_refusal_is_read_with_the_current_field()
    {
        const string json = """
            {"ok":false,"value":{"field":"stem","text":"Now","revision":7,"editedBy":"6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d11",
             "editedByName":"Academic 3","editedAt":"2026-12-03T10:00:00+00:00"},
             "error":{"code":"stale","message":"Someone changed this field.","field":"stem"}}
            """;

        var outcome = JsonSerializer.Deserialize<Outcome<FieldState>>(json, QuorumJson.Options)!;

        Assert.False(outcome.Ok);
        Assert.Equal("stale", outcome.Error!.Code);
        Assert.Equal(new FieldState("stem", "Now", 7, Guid.Parse("6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d11"), "Academic 3", DateTimeOffset.Parse("2026-12-03T10:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture)), outcome.Value);
    }

    [Fact]
    public void Op_is_sent_as_text_unicode_json()
    {
        var op = TextOp.From(OpComponent.Retain(3), OpComponent.Insert("ins é"), OpComponent.Delete(2));

        // The op is one of Edit's arguments, which SignalR serialises as objects.
        Assert.Equal("""[3,"ins é",{"d":2}]""", JsonSerializer.Serialize<object>(op, QuorumJson.Options));
    }

    [Fact]
    public void Field_edits_are_read_with_their_ops()
    {
        const string json = """
            {"itemId":"6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d11","field":"stem","edits":[
              {"revision":8,"op":[3,"ins",{"d":2}],"clientId":"tab-1","clientSeq":4,"authorId":"0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80","at":"2026-12-03T10:00:00Z"},
              {"revision":9,"op":[{"d":"gone"}],"clientId":"tab-2","clientSeq":1,"authorId":"0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a81","at":"2026-12-03T10:00:01Z"}]}
            """;

        var edits = JsonSerializer.Deserialize<FieldEdits>(json, QuorumJson.Options)!;

        Assert.Equal("stem", edits.Field);
        Assert.Equal([8, 9], edits.Edits.Select(e => e.Revision));
        var applied = edits.Edits[0].ToApplied();
        Assert.Equal(TextOp.From(OpComponent.Retain(3), OpComponent.Insert("ins"), OpComponent.Delete(2)), applied.Op);
        Assert.Equal(("tab-1", 4L), (applied.ClientId, applied.ClientSeq));
        Assert.Equal(TextOp.From(OpComponent.Delete("gone")), edits.Edits[1].Op);
    }

    [Fact]
    public void Sync_reads_either_edits_or_the_whole_text()
    {
        const string edits = """
            {"itemId":"6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d11","field":"rationale","revision":2,"edits":[
              {"revision":2,"op":["x"],"clientId":"t","clientSeq":1,"authorId":"0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80","at":"2026-12-03T10:00:00Z"}],
             "text":null,"lastClientSeq":null}
            """;
        const string text = """
            {"itemId":"6f1c1c52-3f7a-4c55-8f57-0f1e8f0d6d11","field":"rationale","revision":6002,"edits":null,"text":"All of it","lastClientSeq":17}
            """;

        var caughtUp = JsonSerializer.Deserialize<FieldSync>(edits, QuorumJson.Options)!;
        var behind = JsonSerializer.Deserialize<FieldSync>(text, QuorumJson.Options)!;

        Assert.Equal(2, Assert.Single(caughtUp.Edits!).Revision);
        Assert.Null(caughtUp.Text);
        Assert.Null(behind.Edits);
        Assert.Equal(("All of it", 17L), (behind.Text, behind.LastClientSeq));
    }

    [Fact]
    public void Edit_ack_reads()
    {
        var outcome = JsonSerializer.Deserialize<Outcome<EditAck>>("""{"ok":true,"value":{"revision":12,"duplicate":true},"error":null}""", QuorumJson.Options)!;

        Assert.Equal(new EditAck(12, Duplicate: true), outcome.Value);
    }

    [Fact]
    public void Report_line_has_exactly_the_documented_keys_in_order()
    {
        var report = new SimulationReport(40, 100, 2_345, 310, 61, 3_512, 31, 31, 83, 17, 2, 0, 187.4, Guid.Parse("0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80"))
        {
            Resolutions = 30,
            ItemsSeenLive = 100,
            Locked = 1,
            Revisions = 40,
        };

        Assert.Equal(
            """{"experts":40,"items":100,"edits":2345,"comments":310,"challenges":61,"ratings":3512,"roundsOpened":31,"roundsClosed":31,"agreed":83,"needsRevision":17,"refusals":2,"errors":0,"seconds":187.4,"panelId":"0b7c9f8e-58a3-4a7e-9a11-3c2d5e6f7a80"}""",
            report.ToJson());
    }

    private static T Read<T>(object server) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(server, server.GetType(), ServerJson), QuorumJson.Options)
        ?? throw new InvalidDataException($"{typeof(T).Name} read as null.");

    private static T Send<T>(object simulator) =>
        JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(simulator, simulator.GetType(), QuorumJson.Options), ServerJson)
        ?? throw new InvalidDataException($"{typeof(T).Name} read as null.");

    private static DomainConsensus.Rating Essential(int relevance) => new(DomainConsensus.Essentiality.Essential, relevance, true, null);

    private static DomainConsensus.Rating Dissent() => new(DomainConsensus.Essentiality.NotNecessary, 2, false, "Not for this exam");

    private static DomainConsensus.RatingStatistics Statistics(params DomainConsensus.Rating[] ratings)
    {
        var tally = new DomainConsensus.RatingTally();
        foreach (var rating in ratings)
        {
            tally.Replace(null, rating);
        }

        return tally.Statistics();
    }

    private static ItemContracts.ItemSummary Summary(DomainItems.ItemStatus status, Guid? roundId, int rounds, DomainConsensus.RatingStatistics? lastRound, ItemContracts.ItemLive? live) => new(
        ItemId, Guid.Empty, DomainItems.ItemKind.SingleBestAnswer, status, "kss-cfp-3", RoundId, "Lawyer 2", "A resident tells", 5, 2,
        roundId, rounds, null, At, At.AddMinutes(1), lastRound, live);

    /// <summary>Every figure the server sends of an item's ratings is read as it was sent.</summary>
    private static void AssertSame(DomainConsensus.RatingStatistics expected, RatingStatistics actual)
    {
        Assert.Equal(
            (expected.Raters, expected.Essential, expected.UsefulNotEssential, expected.NotNecessary, expected.KeyAgree, expected.KeyDisagree),
            (actual.Raters, actual.Essential, actual.UsefulNotEssential, actual.NotNecessary, actual.KeyAgree, actual.KeyDisagree));
        Assert.Equal(
            (expected.ContentValidityRatio, expected.CriticalEssential, expected.CriticalRatio, expected.MeetsCriticalValue, expected.ItemContentValidityIndex, expected.ModifiedKappa),
            (actual.ContentValidityRatio, actual.CriticalEssential, actual.CriticalRatio, actual.MeetsCriticalValue, actual.ItemContentValidityIndex, actual.ModifiedKappa));
        Assert.Equal(
            (expected.ClarityAgreement, expected.KeyAgreement, expected.AngoffMean, expected.AngoffSd),
            (actual.ClarityAgreement, actual.KeyAgreement, actual.AngoffMean, actual.AngoffSd));
        Assert.Equal(expected.Relevance, actual.Relevance);
        Assert.Equal(expected.Clarity, actual.Clarity);
        Assert.Equal(expected.Angoff, actual.Angoff);
    }
}

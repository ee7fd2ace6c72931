using Orleans.Runtime;
using Quorum.Contracts.Common;
using Quorum.Contracts.Items;
using Quorum.Contracts.Panels;
using Quorum.Contracts.Rounds;
using Quorum.Domain.Consensus;
using Quorum.Domain.Items;

namespace Quorum.Grains.Tests;

/// <summary>
/// Items refuse stale writes of keys and statement, keep their rating tallies exact, and check the caller's
/// membership of the item's own panel on every call.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ItemGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private static ItemDraft Question(string statement = "kss-cfp-3") =>
        new(ItemKind.SingleBestAnswer, statement, "At what age do most children walk unaided?", ["6 months", "12 months", "24 months", "36 months"], [1], "Typical range.", null, null);

    private async Task<(Guid Panel, Guid Facilitator, Guid Author, Guid Reviewer, ItemView Item)> ItemAsync()
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var author = await fixture.InviteAsync(panelId, facilitator, "Ada Author", "Frontline practitioner");
        var reviewer = await fixture.InviteAsync(panelId, facilitator, "Rui Reviewer", "Lawyer");
        var created = await Grains.GetGrain<IPanelGrain>(panelId).CreateItem(author, Question());
        Assert.True(created.Ok, created.Error?.Message);
        return (panelId, facilitator, author, reviewer, created.Value!);
    }

    [Fact]
    public async Task A_new_item_is_a_draft_with_its_fields_at_revision_one()
    {
        var (_, _, author, _, view) = await ItemAsync();

        Assert.Equal(ItemStatus.Draft, view.Summary.Status);
        Assert.Equal(author, view.Summary.AuthorId);
        Assert.Equal(["stem", "option0", "option1", "option2", "option3", "rationale"], view.Fields.Select(f => f.Field));
        Assert.All(view.Fields, f => Assert.Equal(1, f.Revision));
        Assert.Equal([1], view.Keys);
    }

    [Fact]
    public async Task Keys_and_statement_are_revisioned_and_checked()
    {
        var (_, _, author, reviewer, view) = await ItemAsync();
        var item = Grains.GetGrain<IItemGrain>(view.Summary.ItemId);

        Assert.Equal("2", (await item.SetKeys(author, 1, [2])).Value!.Text);
        Assert.Equal(ProblemCodes.Stale, (await item.SetKeys(reviewer, 1, [3])).Error?.Code);
        Assert.Equal("keys", (await item.SetKeys(author, 2, [0, 1])).Error?.Field);
        Assert.Equal("statementId", (await item.SetStatement(author, 1, "kss-cfp-42")).Error?.Field);
        Assert.Equal("kss-cfp-8", (await item.SetStatement(author, 1, "kss-cfp-8")).Value!.Text);
        Assert.Equal("kss-cfp-8", (await item.GetSummary())!.StatementId);
    }

    [Fact]
    public async Task Someone_from_another_panel_cannot_read_edit_rate_or_discuss()
    {
        var (_, _, _, _, view) = await ItemAsync();
        var (otherPanel, otherFacilitator) = await fixture.NewPanelAsync();
        var outsider = await fixture.InviteAsync(otherPanel, otherFacilitator, "Oscar Outsider");
        var item = Grains.GetGrain<IItemGrain>(view.Summary.ItemId);

        Assert.Equal(ProblemCodes.Forbidden, (await item.Get(outsider)).Error?.Code);
        Assert.Equal(ProblemCodes.Forbidden, (await item.Rate(outsider, new Rating(Essentiality.Essential, 4, true, null))).Error?.Code);
        Assert.Equal(ProblemCodes.Forbidden, (await item.StartThread(outsider, "Hello", false)).Error?.Code);
        Assert.Equal(ProblemCodes.Forbidden, (await item.SetStatus(otherFacilitator, ItemStatus.Withdrawn, "Not ours")).Error?.Code);
        var summary = (await item.GetSummary())!;
        Assert.Equal(ItemStatus.Draft, summary.Status);
        Assert.Equal(0, summary.Comments);
    }

    [Fact]
    public async Task Ratings_are_tallied_once_per_expert_and_can_change_until_the_round_closes()
    {
        var (panelId, facilitator, author, reviewer, view) = await ItemAsync();
        var item = Grains.GetGrain<IItemGrain>(view.Summary.ItemId);
        Assert.Equal(ProblemCodes.Closed, (await item.Rate(reviewer, new Rating(Essentiality.Essential, 4, true, null))).Error?.Code);
        var round = (await Grains.GetGrain<IPanelGrain>(panelId).OpenRound(facilitator, new RoundRequest(null, [view.Summary.ItemId], null, null))).Value!;

        Assert.Equal("reason", (await item.Rate(reviewer, new Rating(Essentiality.NotNecessary, 2, false, " "))).Error?.Field);
        Assert.Equal(1, (await item.Rate(reviewer, new Rating(Essentiality.NotNecessary, 2, false, "Outside the statement"))).Value!.Current!.Raters);
        Assert.Equal(2, (await item.Rate(author, new Rating(Essentiality.Essential, 4, true, null))).Value!.Current!.Raters);
        var changed = (await item.Rate(reviewer, new Rating(Essentiality.Essential, 3, true, null))).Value!.Current!;
        Assert.Equal(2, changed.Raters);
        Assert.Equal(2, changed.Essential);
        Assert.Equal(0, changed.NotNecessary);
        Assert.Equal(1.0, changed.ItemContentValidityIndex);

        Assert.Equal(ProblemCodes.Forbidden, (await item.Rate(facilitator, new Rating(Essentiality.Essential, 4, true, null))).Error?.Code);
        Assert.Equal(ProblemCodes.Forbidden, (await Grains.GetGrain<IRoundGrain>(round.RoundId).Close(reviewer)).Error?.Code);
        Assert.True((await Grains.GetGrain<IRoundGrain>(round.RoundId).Close(facilitator)).Ok);
        Assert.Equal(ProblemCodes.Closed, (await item.Rate(reviewer, new Rating(Essentiality.UsefulNotEssential, 3, true, null))).Error?.Code);
        Assert.Equal(2, (await item.GetSummary())!.LastRound!.Essential);

        var bank = await Grains.GetGrain<IPanelGrain>(panelId).ListItems(facilitator, null, null);
        Assert.Equal(2, Assert.Single(bank.Value!.Items).LastRound!.Raters);
    }

    [Fact]
    public async Task The_bank_filters_and_is_rebuilt_from_the_items_after_the_panel_deactivates()
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var expert = await fixture.InviteAsync(panelId, facilitator, "Bo Builder");
        var panel = Grains.GetGrain<IPanelGrain>(panelId);
        await panel.CreateItem(expert, Question("kss-cfp-3"));
        var second = (await panel.CreateItem(expert, Question("kss-cfp-5"))).Value!;
        await panel.CreateItem(expert, new ItemDraft(ItemKind.Scenario, "kss-cfp-5", null, null, null, null, "Jo is seven.", null));
        Assert.True((await panel.OpenRound(facilitator, new RoundRequest(null, [second.Summary.ItemId], null, null))).Ok);
        await Grains.GetGrain<IItemGrain>(second.Summary.ItemId).Rate(expert, new Rating(Essentiality.Essential, 4, true, null));

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var all = (await panel.ListItems(facilitator, null, null)).Value!;
        Assert.Equal(3, all.Items.Count);
        Assert.Equal(1, all.Items.Single(i => i.ItemId == second.Summary.ItemId).Live!.Current.Raters);
        Assert.Equal(2, all.Statements.Single(s => s.StatementId == "kss-cfp-5").Items);
        Assert.Equal(2, (await panel.ListItems(facilitator, "kss-cfp-5", null)).Value!.Items.Count);
        Assert.Equal(2, (await panel.ListItems(facilitator, null, ItemStatus.Draft)).Value!.Items.Count);
        Assert.Null((await panel.ListItems(expert, null, ItemStatus.InReview)).Value!.Items.Single().Live);
        Assert.Empty((await panel.ListItems(facilitator, null, ItemStatus.Agreed)).Value!.Items);
    }

    [Fact]
    public async Task A_question_links_to_a_scenario_of_the_same_panel_only()
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var expert = await fixture.InviteAsync(panelId, facilitator, "Sue Scenario");
        var panel = Grains.GetGrain<IPanelGrain>(panelId);
        var scenario = (await panel.CreateItem(expert, new ItemDraft(ItemKind.Scenario, "kss-cfp-6", null, null, null, null, "Jo is seven and lives with her grandmother.", null))).Value!;
        var question = (await panel.CreateItem(expert, Question() with { ScenarioId = scenario.Summary.ItemId })).Value!;
        var notAScenario = await panel.CreateItem(expert, Question() with { ScenarioId = question.Summary.ItemId });

        Assert.Equal(scenario.Summary.ItemId, question.Summary.ScenarioId);
        Assert.Equal([question.Summary.ItemId], (await Grains.GetGrain<IItemGrain>(scenario.Summary.ItemId).Get(expert)).Value!.LinkedItems);
        Assert.Equal("scenarioId", notAScenario.Error?.Field);
    }
}

using Orleans.Runtime;
using Quorum.Contracts.Common;
using Quorum.Contracts.Editing;
using Quorum.Contracts.Items;
using Quorum.Contracts.Panels;
using Quorum.Domain.Editing;
using Quorum.Domain.Items;

namespace Quorum.Grains.Tests;

/// <summary>
/// A text field merges concurrent ops by transform, acknowledges each once it is stored, applies a resent op
/// once, refuses what does not fit without changing, keeps its history, and only a member of the item's
/// panel may touch it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FieldGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private async Task<(Guid Panel, Guid Facilitator, Guid Author, Guid Reviewer, Guid Item)> ItemAsync(string stem = "At what age do most children walk?")
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var author = await fixture.InviteAsync(panelId, facilitator, "Ada Author", "Frontline practitioner");
        var reviewer = await fixture.InviteAsync(panelId, facilitator, "Rui Reviewer", "Lawyer");
        var draft = new ItemDraft(ItemKind.SingleBestAnswer, "kss-cfp-3", stem, ["6 months", "12 months", "24 months", "36 months"], [1], string.Empty, null, null);
        var created = await Grains.GetGrain<IPanelGrain>(panelId).CreateItem(author, draft);
        Assert.True(created.Ok, created.Error?.Message);
        return (panelId, facilitator, author, reviewer, created.Value!.Summary.ItemId);
    }

    private IFieldGrain Field(Guid item, string field) => Grains.GetGrain<IFieldGrain>(item, field, null);

    [Fact]
    public async Task A_new_item_starts_each_field_with_its_text_as_revision_one_and_an_empty_field_at_zero()
    {
        var (_, _, author, _, item) = await ItemAsync();

        var view = (await Grains.GetGrain<IItemGrain>(item).Get(author)).Value!;

        Assert.Equal(("At what age do most children walk?", 1, author), view.Fields.Single(f => f.Field == "stem") is var s ? (s.Text, s.Revision, s.EditedBy) : default);
        Assert.Equal(("", 0), view.Fields.Single(f => f.Field == "rationale") is var r ? (r.Text, r.Revision) : default);
    }

    [Fact]
    public async Task Two_ops_on_the_same_revision_are_both_applied_the_second_transformed_over_the_first()
    {
        var (_, _, author, reviewer, item) = await ItemAsync("The child walks.");
        var stem = Field(item, "stem");

        var first = await stem.Edit(reviewer, new FieldEdit("rui", 1, 1, Op("[4,{\"d\":\"child\"},\"toddler\"]")));
        var second = await stem.Edit(author, new FieldEdit("ada", 1, 1, Op("[15,\" unaided\"]")));

        Assert.Equal(new EditAck(2, false), first.Value);
        Assert.Equal(new EditAck(3, false), second.Value);
        var state = (await stem.Open(author)).Value!;
        Assert.Equal(("The toddler walks unaided.", 3, author), (state.Text, state.Revision, state.EditedBy));
        var sync = (await stem.Sync(reviewer, "rui", 2)).Value!;
        Assert.Equal("[17,\" unaided\"]", Assert.Single(sync.Edits!).Op.ToString());
    }

    [Fact]
    public async Task A_resent_op_is_acknowledged_again_and_applied_once()
    {
        var (_, _, author, _, item) = await ItemAsync("Walk");
        var stem = Field(item, "stem");
        var edit = new FieldEdit("ada-tab", 4, 1, Op("[4,\"ing\"]"));

        var first = await stem.Edit(author, edit);
        var again = await stem.Edit(author, edit);

        Assert.Equal(new EditAck(2, false), first.Value);
        Assert.Equal(new EditAck(2, true), again.Value);
        Assert.Equal(("Walking", 2), (await stem.Open(author)).Value! is var s ? (s.Text, s.Revision) : default);
    }

    [Fact]
    public async Task Another_persons_tab_id_cannot_make_an_op_look_like_a_resend()
    {
        var (_, _, author, reviewer, item) = await ItemAsync("Walk");
        var stem = Field(item, "stem");
        await stem.Edit(author, new FieldEdit("shared-id", 1, 1, Op("[4,\"s\"]")));

        var other = await stem.Edit(reviewer, new FieldEdit("shared-id", 1, 1, Op("[\"We \"]")));

        Assert.Equal(new EditAck(3, false), other.Value);
        Assert.Equal("We Walks", (await stem.Open(author)).Value!.Text);
    }

    [Theory]
    [InlineData("[40,\"x\"]", 1, "needs a text of at least 40 characters")]
    [InlineData("[{\"d\":\"Run\"}]", 1, "deletes \"Run\" at character 0, but the text there is \"Wal\"")]
    [InlineData("[\"x\"]", 2, "revision 2 of the text, which does not exist")]
    [InlineData("[\"\\u0000\"]", 1, "control character")]
    public async Task An_op_that_does_not_fit_is_refused_and_the_field_is_unchanged(string op, int baseRevision, string reason)
    {
        var (_, _, author, _, item) = await ItemAsync("Walk");
        var stem = Field(item, "stem");

        var outcome = await stem.Edit(author, new FieldEdit("ada", 1, baseRevision, Op(op)));

        Assert.Equal(ProblemCodes.Invalid, outcome.Error?.Code);
        Assert.Contains(reason, outcome.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(("Walk", 1), (await stem.Open(author)).Value! is var s ? (s.Text, s.Revision) : default);
        Assert.True((await stem.Edit(author, new FieldEdit("ada", 2, 1, Op("[4,\"s\"]")))).Ok, "the field takes the next good op");
    }

    [Fact]
    public async Task A_field_cannot_grow_past_its_limit()
    {
        var (_, _, author, _, item) = await ItemAsync();
        var option = Field(item, "option0");

        var outcome = await option.Edit(author, new FieldEdit("ada", 1, 1, Op($"[8,\"{new string('x', Quorum.Domain.Limits.OptionLength - 7)}\"]")));

        Assert.Equal(ProblemCodes.Invalid, outcome.Error?.Code);
        Assert.Contains("at most 600 characters; the change would make it 601", outcome.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledged_edits_survive_deactivation_and_the_history_rebuilds_any_revision()
    {
        var (_, _, author, reviewer, item) = await ItemAsync("Walk");
        var stem = Field(item, "stem");
        await stem.Edit(author, new FieldEdit("ada", 1, 1, Op("[4,\"s\"]")));
        await stem.Edit(reviewer, new FieldEdit("rui", 1, 2, Op("[\"She \",{\"d\":1},\"w\"]")));

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var now = (await stem.Open(author)).Value!;
        Assert.Equal(("She walks", 3), (now.Text, now.Revision));
        Assert.Equal("Walks", (await stem.TextAt(reviewer, 2)).Value!.Text);
        Assert.Equal("Walk", (await stem.TextAt(reviewer, 1)).Value!.Text);
        Assert.Equal(string.Empty, (await stem.TextAt(reviewer, 0)).Value!.Text);
        Assert.Equal(ProblemCodes.Invalid, (await stem.TextAt(reviewer, 4)).Error?.Code);
        var history = (await stem.Sync(author, "ada", 0)).Value!.Edits!;
        Assert.Equal([(author, "item"), (author, "ada"), (reviewer, "rui")], history.Select(e => (e.AuthorId, e.ClientId)));
    }

    [Fact]
    public async Task A_tab_further_behind_than_memory_catches_up_from_the_journal_and_a_late_op_is_told_to_resync()
    {
        var (_, _, author, reviewer, item) = await ItemAsync();
        var rationale = Field(item, "rationale");
        var edits = FieldDocument.DefaultRetainedEdits + 20;
        for (var i = 0; i < edits; i++)
        {
            Assert.True((await rationale.Edit(author, new FieldEdit("ada", i + 1, i, Op(i == 0 ? "[\"x\"]" : $"[{i},\"x\"]")))).Ok);
        }

        var late = await rationale.Edit(reviewer, new FieldEdit("rui", 1, 5, Op("[\"y\"]")));
        var caughtUp = (await rationale.Sync(reviewer, "rui", 5)).Value!;

        Assert.Equal(ProblemCodes.Resync, late.Error?.Code);
        Assert.Equal(edits, caughtUp.Revision);
        Assert.Equal(Enumerable.Range(6, edits - 5), caughtUp.Edits!.Select(e => e.Revision));
    }

    [Fact]
    public async Task The_item_title_follows_the_stem()
    {
        var (_, _, author, _, item) = await ItemAsync("Walk");
        await Field(item, "stem").Edit(author, new FieldEdit("ada", 1, 1, Op("[\"When do children \",{\"d\":1},\"w\",3,\"?\"]")));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        string? title = null;
        while (DateTime.UtcNow < deadline && (title = (await Grains.GetGrain<IItemGrain>(item).GetSummary())!.Title) != "When do children walk?")
        {
            await Task.Delay(50);
        }

        Assert.Equal("When do children walk?", title);
    }

    [Fact]
    public async Task Someone_from_another_panel_can_neither_read_nor_edit_a_field_nor_announce_a_cursor()
    {
        var (_, _, author, _, item) = await ItemAsync("Walk");
        var (otherPanel, otherFacilitator) = await fixture.NewPanelAsync();
        var outsider = await fixture.InviteAsync(otherPanel, otherFacilitator, "Oscar Outsider");
        var stem = Field(item, "stem");

        Assert.Equal(ProblemCodes.Forbidden, (await stem.Edit(outsider, new FieldEdit("oscar", 1, 1, Op("[\"Hijacked \"]")))).Error?.Code);
        Assert.Equal(ProblemCodes.Forbidden, (await stem.Open(outsider)).Error?.Code);
        Assert.Equal(ProblemCodes.Forbidden, (await stem.Sync(outsider, "oscar", 0)).Error?.Code);
        Assert.Equal(ProblemCodes.Forbidden, (await stem.TextAt(outsider, 1)).Error?.Code);
        Assert.Equal(ProblemCodes.Forbidden, (await Grains.GetGrain<IItemGrain>(item).Presence(outsider, new PresenceUpdate("oscar", "stem", 1, 0, 0, false))).Error?.Code);
        Assert.Equal(("Walk", 1), (await stem.Open(author)).Value! is var s ? (s.Text, s.Revision) : default);
    }

    [Fact]
    public async Task A_field_no_item_has_is_not_found()
    {
        var (_, _, author, _, item) = await ItemAsync();

        Assert.Equal(ProblemCodes.NotFound, (await Field(item, "vignette").Edit(author, new FieldEdit("ada", 1, 0, Op("[\"x\"]")))).Error?.Code);
        Assert.Equal(ProblemCodes.NotFound, (await Field(Guid.NewGuid(), "stem").Open(author)).Error?.Code);
    }

    private static TextOp Op(string json) =>
        TextOpJson.TryParse(json, out var op, out var error) ? op : throw new ArgumentException(error);
}

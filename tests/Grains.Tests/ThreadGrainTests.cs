using Quorum.Contracts.Common;
using Quorum.Contracts.Items;
using Quorum.Contracts.Panels;
using Quorum.Contracts.Threads;
using Quorum.Domain.Items;

namespace Quorum.Grains.Tests;

/// <summary>A challenge stays open until the item's author or a facilitator resolves it with a note; counts reach the item.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ThreadGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_challenge_is_resolved_only_by_the_author_or_a_facilitator()
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var author = await fixture.InviteAsync(panelId, facilitator, "Ada Author");
        var challenger = await fixture.InviteAsync(panelId, facilitator, "Cy Challenger", "Lawyer");
        var item = (await Grains.GetGrain<IPanelGrain>(panelId).CreateItem(author,
            new ItemDraft(ItemKind.SingleBestAnswer, "kss-cfp-8", "Which act?", ["1989", "2004", "2014", "2017"], [0], null, null, null))).Value!;
        var itemGrain = Grains.GetGrain<IItemGrain>(item.Summary.ItemId);

        var thread = (await itemGrain.StartThread(challenger, "The key is wrong: section 47 is in the 1989 Act, but so is...", isChallenge: true)).Value!;
        var threadGrain = Grains.GetGrain<IThreadGrain>(thread.ThreadId);
        var challenge = thread.Comments[0];
        Assert.Equal(1, thread.OpenChallenges);
        Assert.Equal(1, (await itemGrain.GetSummary())!.OpenChallenges);

        var reply = (await threadGrain.Comment(author, challenge.CommentId, "Good point; see the rationale.", false)).Value!;
        Assert.Equal(challenge.CommentId, reply.Comments[1].ParentId);
        Assert.Equal(ProblemCodes.Forbidden, (await threadGrain.Resolve(challenger, challenge.CommentId, "I resolve my own")).Error?.Code);
        Assert.Equal("note", (await threadGrain.Resolve(author, challenge.CommentId, "  ")).Error?.Field);
        Assert.Equal("commentId", (await threadGrain.Resolve(author, reply.Comments[1].CommentId, "Not a challenge")).Error?.Field);

        var resolved = (await threadGrain.Resolve(author, challenge.CommentId, "Key confirmed against the Act.")).Value!;
        Assert.Equal(0, resolved.OpenChallenges);
        Assert.Equal("Ada Author", resolved.Comments[0].Resolution!.ByName);
        Assert.Equal(ProblemCodes.Conflict, (await threadGrain.Resolve(facilitator, challenge.CommentId, "Again")).Error?.Code);

        var summary = (await itemGrain.GetSummary())!;
        Assert.Equal(0, summary.OpenChallenges);
        Assert.Equal(2, summary.Comments);
    }

    [Fact]
    public async Task Replies_must_point_into_the_thread_and_outsiders_cannot_comment()
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var author = await fixture.InviteAsync(panelId, facilitator, "Ada Author");
        var item = (await Grains.GetGrain<IPanelGrain>(panelId).CreateItem(author,
            new ItemDraft(ItemKind.Scenario, "kss-cfp-1", null, null, null, null, "A home visit.", null))).Value!;
        var thread = (await Grains.GetGrain<IItemGrain>(item.Summary.ItemId).StartThread(facilitator, "Is this realistic?", false)).Value!;
        var (otherPanel, otherFacilitator) = await fixture.NewPanelAsync();
        var threadGrain = Grains.GetGrain<IThreadGrain>(thread.ThreadId);

        Assert.Equal("parentId", (await threadGrain.Comment(author, Guid.NewGuid(), "Reply", false)).Error?.Field);
        Assert.Equal(ProblemCodes.Forbidden, (await threadGrain.Comment(otherFacilitator, null, "Hi", false)).Error?.Code);
        Assert.Equal(ProblemCodes.Forbidden, (await threadGrain.Get(otherFacilitator)).Error?.Code);
        Assert.Single((await threadGrain.Get(author)).Value!.Comments);
        _ = otherPanel;
    }
}

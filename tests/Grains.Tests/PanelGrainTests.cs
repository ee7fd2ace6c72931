using Quorum.Contracts.Common;
using Quorum.Contracts.Experts;
using Quorum.Contracts.Panels;
using Quorum.Domain.Frameworks;

namespace Quorum.Grains.Tests;

/// <summary>Only organisers create panels, only facilitators manage members, and links are one per person and revocable.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PanelGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_person_without_the_right_cannot_create_a_panel()
    {
        var person = Guid.NewGuid();
        await Grains.GetGrain<IExpertGrain>(person).SetProfile("Eve Expert", null, canCreatePanels: false);
        var panel = Grains.GetGrain<IPanelGrain>(Guid.NewGuid());

        var outcome = await panel.Create(person, "Mine", SeedFrameworks.All[0]);

        Assert.Equal(ProblemCodes.Forbidden, outcome.Error?.Code);
        Assert.Null(await panel.GetAccess(person));
    }

    [Fact]
    public async Task Creating_a_panel_makes_the_creator_its_facilitator()
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var access = await Grains.GetGrain<IPanelGrain>(panelId).GetAccess(facilitator);
        Assert.Equal(PanelRole.Facilitator, access?.Role);
        var profile = await Grains.GetGrain<IExpertGrain>(facilitator).GetProfile();
        Assert.Equal(panelId, Assert.Single(profile!.Memberships).PanelId);
    }

    [Fact]
    public async Task An_invite_link_signs_in_until_revoked_and_a_new_link_replaces_the_old()
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var panel = Grains.GetGrain<IPanelGrain>(panelId);
        var issued = (await panel.Invite(facilitator, new InviteRequest("Ann Academic", "Academic", "ann@example.org", PanelRole.Expert))).Value!;
        var person = issued.Member.PersonId;

        Assert.Equal(person, await Invite(issued.Token).Redeem());
        Assert.Equal(person, await Invite(issued.Token).Redeem()); // personal links are reusable

        var reissued = (await panel.ReissueInvite(facilitator, person)).Value!;
        Assert.Null(await Invite(issued.Token).Redeem());
        Assert.Equal(person, await Invite(reissued.Token).Redeem());

        var stampBefore = (await Grains.GetGrain<IExpertGrain>(person).GetProfile())!.SessionStamp;
        var revoked = await panel.RevokeInvite(facilitator, person);
        Assert.False(revoked.Value!.LinkActive);
        Assert.Null(await Invite(reissued.Token).Redeem());
        Assert.NotEqual(stampBefore, (await Grains.GetGrain<IExpertGrain>(person).GetProfile())!.SessionStamp);
    }

    [Fact]
    public async Task An_expert_cannot_invite_or_remove()
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var panel = Grains.GetGrain<IPanelGrain>(panelId);
        var expert = await fixture.InviteAsync(panelId, facilitator, "Sam Sector");

        Assert.Equal(ProblemCodes.Forbidden, (await panel.Invite(expert, new InviteRequest("X", "Academic", null, PanelRole.Expert))).Error?.Code);
        Assert.Equal(ProblemCodes.Forbidden, (await panel.RemoveMember(expert, facilitator)).Error?.Code);
        Assert.Equal(ProblemCodes.Forbidden, (await panel.AddGroup(expert, "Parents")).Error?.Code);
        Assert.Equal(2, (await panel.GetView(facilitator)).Value!.Members.Count);
    }

    [Theory]
    [InlineData("", "Academic", null, "name")]
    [InlineData("Ann", "Astronauts", null, "group")]
    [InlineData("Ann", "Academic", "not an email", "email")]
    public async Task Bad_invites_are_refused_and_change_nothing(string name, string group, string? email, string field)
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var panel = Grains.GetGrain<IPanelGrain>(panelId);

        var outcome = await panel.Invite(facilitator, new InviteRequest(name, group, email, PanelRole.Expert));

        Assert.Equal(ProblemCodes.Invalid, outcome.Error?.Code);
        Assert.Equal(field, outcome.Error?.Field);
        Assert.Single((await panel.GetView(facilitator)).Value!.Members);
    }

    [Fact]
    public async Task A_removed_member_loses_access_and_the_last_facilitator_stays()
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var panel = Grains.GetGrain<IPanelGrain>(panelId);
        var expert = await fixture.InviteAsync(panelId, facilitator, "Leo Lawyer", "Lawyer");

        Assert.True((await panel.RemoveMember(facilitator, expert)).Value!.Removed);
        Assert.Null(await panel.GetAccess(expert));
        Assert.Equal(ProblemCodes.Forbidden, (await panel.GetView(expert)).Error?.Code);
        Assert.Equal(ProblemCodes.Conflict, (await panel.RemoveMember(facilitator, facilitator)).Error?.Code);
    }

    [Fact]
    public async Task A_facilitator_can_add_a_group_once()
    {
        var (panelId, facilitator) = await fixture.NewPanelAsync();
        var panel = Grains.GetGrain<IPanelGrain>(panelId);

        Assert.Contains("People with lived experience", (await panel.AddGroup(facilitator, "People with lived experience")).Value!.Groups);
        Assert.Equal("name", (await panel.AddGroup(facilitator, "people with lived experience")).Error?.Field);
        await fixture.InviteAsync(panelId, facilitator, "Pat", "People with lived experience");
    }

    [Fact]
    public async Task The_first_facilitator_link_is_one_time()
    {
        var platform = Grains.GetGrain<IPlatformGrain>(Random.Shared.Next(1000, int.MaxValue));
        var link = await platform.EnsureFirstFacilitator("First facilitator");
        var again = await platform.EnsureFirstFacilitator("First facilitator");

        Assert.NotNull(link);
        Assert.Null(await Invite(link.Token).Redeem()); // replaced by the second start's link
        Assert.Equal(again!.PersonId, await Invite(again.Token).Redeem());
        Assert.Null(await Invite(again.Token).Redeem()); // spent
        await platform.SignedIn(again.PersonId);
        Assert.Null(await platform.EnsureFirstFacilitator("First facilitator"));
        Assert.True((await Grains.GetGrain<IExpertGrain>(again.PersonId).GetProfile())!.CanCreatePanels);
    }

    private IInviteGrain Invite(string token) => Grains.GetGrain<IInviteGrain>(InviteTokens.Hash(token));
}

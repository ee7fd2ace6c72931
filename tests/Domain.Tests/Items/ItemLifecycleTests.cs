using Quorum.Domain.Items;
using static Quorum.Domain.Items.ItemStatus;

namespace Quorum.Domain.Tests.Items;

/// <summary>
/// By hand, only the listed transitions are possible, each only for the roles listed; overrides, withdrawals and
/// leaving Final need a recorded reason; an item enters and leaves review only through rounds.
/// </summary>
public sealed class ItemLifecycleTests
{
    private const string Reason = "Recorded for the appeal file.";

    private static readonly StatusActor Facilitator = new(IsFacilitator: true, IsAuthor: false);
    private static readonly StatusActor Author = new(IsFacilitator: false, IsAuthor: true);
    private static readonly StatusActor OtherExpert = new(IsFacilitator: false, IsAuthor: false);
    private static readonly StatusActor FacilitatorAuthor = new(IsFacilitator: true, IsAuthor: true);

    /// <summary>Every manual transition there is: whether the author may make it too, and whether it needs a reason.</summary>
    private static readonly Dictionary<(ItemStatus From, ItemStatus To), (bool AuthorMay, bool NeedsReason)> Manual = new()
    {
        [(Draft, Withdrawn)] = (true, true),
        [(NeedsRevision, Draft)] = (true, false),
        [(NeedsRevision, Agreed)] = (false, true), // overriding the round
        [(Agreed, NeedsRevision)] = (false, true), // overriding the round
        [(Agreed, Final)] = (false, false),
        [(Final, Agreed)] = (false, true), // leaving Final
        [(NeedsRevision, Withdrawn)] = (false, true),
        [(Agreed, Withdrawn)] = (false, true),
        [(Withdrawn, Draft)] = (false, false),
    };

    public static TheoryData<ItemStatus, ItemStatus> EveryPair()
    {
        var data = new TheoryData<ItemStatus, ItemStatus>();
        foreach (var from in Enum.GetValues<ItemStatus>())
        {
            foreach (var to in Enum.GetValues<ItemStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_facilitator_may_make_every_listed_transition_and_no_other(ItemStatus from, ItemStatus to)
    {
        foreach (var facilitator in new[] { Facilitator, FacilitatorAuthor })
        {
            var problem = ItemLifecycle.CheckManual(from, to, facilitator, Reason);
            if (Manual.ContainsKey((from, to)))
            {
                Assert.Null(problem);
            }
            else
            {
                Assert.Equal("status", problem?.Field);
            }
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void The_author_may_only_withdraw_a_draft_and_return_an_item_needing_revision_to_draft(ItemStatus from, ItemStatus to)
    {
        var problem = ItemLifecycle.CheckManual(from, to, Author, Reason);

        if (Manual.TryGetValue((from, to), out var rule) && rule.AuthorMay)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Equal("status", problem?.Field);
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Another_expert_may_make_no_transition(ItemStatus from, ItemStatus to) =>
        Assert.Equal("status", ItemLifecycle.CheckManual(from, to, OtherExpert, Reason)?.Field);

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Refusals_say_who_may_make_the_transition(ItemStatus from, ItemStatus to)
    {
        if (!Manual.TryGetValue((from, to), out var rule))
        {
            return;
        }

        var (f, t) = (ItemLifecycle.Describe(from), ItemLifecycle.Describe(to));
        if (rule.AuthorMay)
        {
            Assert.Equal(
                new InputProblem("status", $"Only the item's author or a facilitator can move it from {f} to {t}."),
                ItemLifecycle.CheckManual(from, to, OtherExpert, Reason));
        }
        else
        {
            // Neither the author nor anyone else but a facilitator: the message must not offer the author a way.
            var facilitatorOnly = new InputProblem("status", $"Only a facilitator can move an item from {f} to {t}.");
            Assert.Equal(facilitatorOnly, ItemLifecycle.CheckManual(from, to, Author, Reason));
            Assert.Equal(facilitatorOnly, ItemLifecycle.CheckManual(from, to, OtherExpert, Reason));
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Transitions_that_do_not_exist_are_refused_for_everyone_in_words(ItemStatus from, ItemStatus to)
    {
        if (Manual.ContainsKey((from, to)) || from == to || from == InReview || to == InReview)
        {
            return;
        }

        var expected = new InputProblem("status", $"An item cannot go from {ItemLifecycle.Describe(from)} to {ItemLifecycle.Describe(to)}.");
        foreach (var actor in new[] { Facilitator, Author, OtherExpert, FacilitatorAuthor })
        {
            Assert.Equal(expected, ItemLifecycle.CheckManual(from, to, actor, Reason));
        }
    }

    [Fact]
    public void A_final_item_is_taken_back_to_agreed_before_it_can_be_withdrawn()
    {
        Assert.Equal("An item cannot go from Final to Withdrawn.", ItemLifecycle.CheckManual(Final, Withdrawn, Facilitator, Reason)?.Message);
        Assert.Null(ItemLifecycle.CheckManual(Final, Agreed, Facilitator, Reason));
        Assert.Null(ItemLifecycle.CheckManual(Agreed, Withdrawn, Facilitator, Reason));
    }

    [Theory]
    [InlineData(Draft)]
    [InlineData(NeedsRevision)]
    [InlineData(Agreed)]
    [InlineData(Final)]
    [InlineData(Withdrawn)]
    public void Nobody_puts_an_item_into_review_by_hand(ItemStatus from)
    {
        foreach (var actor in new[] { Facilitator, Author, OtherExpert, FacilitatorAuthor })
        {
            Assert.Equal(
                new InputProblem("status", "Items go into review when a facilitator opens a round over them."),
                ItemLifecycle.CheckManual(from, InReview, actor, Reason));
        }
    }

    [Theory]
    [InlineData(Draft)]
    [InlineData(NeedsRevision)]
    [InlineData(Agreed)]
    [InlineData(Final)]
    [InlineData(Withdrawn)]
    public void Nobody_takes_an_item_out_of_an_open_round_by_hand(ItemStatus to)
    {
        foreach (var actor in new[] { Facilitator, Author, OtherExpert, FacilitatorAuthor })
        {
            Assert.Equal(
                new InputProblem("status", "The item is in an open review round; it leaves review when the round closes."),
                ItemLifecycle.CheckManual(InReview, to, actor, Reason));
        }
    }

    [Theory]
    [InlineData(Draft)]
    [InlineData(InReview)]
    [InlineData(NeedsRevision)]
    [InlineData(Agreed)]
    [InlineData(Final)]
    [InlineData(Withdrawn)]
    public void Moving_an_item_to_where_it_is_is_refused(ItemStatus status) =>
        Assert.Equal(
            new InputProblem("status", $"The item is already {ItemLifecycle.Describe(status)}."),
            ItemLifecycle.CheckManual(status, status, Facilitator, Reason));

    [Theory]
    [InlineData(6)]
    [InlineData(-1)]
    public void An_unknown_status_is_refused(int status) =>
        Assert.Equal(
            new InputProblem("status", "The status must be draft, needsRevision, agreed, final or withdrawn."),
            ItemLifecycle.CheckManual(Draft, (ItemStatus)status, Facilitator, Reason));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Overrides_withdrawals_and_leaving_final_need_a_reason_and_nothing_else_does(ItemStatus from, ItemStatus to)
    {
        if (!Manual.TryGetValue((from, to), out var rule))
        {
            return;
        }

        var actor = rule.AuthorMay ? Author : Facilitator;
        foreach (var missing in new[] { null, "", "  ", "\n\t" })
        {
            var problem = ItemLifecycle.CheckManual(from, to, actor, missing);
            if (rule.NeedsReason)
            {
                Assert.Equal("reason", problem?.Field);
                Assert.Equal(
                    ItemLifecycle.IsOverride(from, to)
                        ? "Give the reason for overriding the panel's decision; it is recorded."
                        : $"Give the reason for moving the item from {ItemLifecycle.Describe(from)} to {ItemLifecycle.Describe(to)}; it is recorded.",
                    problem?.Message);
            }
            else
            {
                Assert.Null(problem);
            }
        }

        Assert.Null(ItemLifecycle.CheckManual(from, to, actor, Reason));
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void A_reason_is_at_most_the_longest_length_on_every_transition(ItemStatus from, ItemStatus to)
    {
        if (!Manual.TryGetValue((from, to), out var rule))
        {
            return;
        }

        var actor = rule.AuthorMay ? Author : Facilitator;
        Assert.Null(ItemLifecycle.CheckManual(from, to, actor, new string('r', Limits.ReasonLength)));
        var problem = ItemLifecycle.CheckManual(from, to, actor, new string('r', Limits.ReasonLength + 1));
        Assert.Equal("reason", problem?.Field);
        Assert.Contains($"at most {Limits.ReasonLength} characters", problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reason_counts_characters_as_a_person_does_and_refuses_control_characters()
    {
        Assert.Null(ItemLifecycle.CheckManual(Agreed, NeedsRevision, Facilitator, string.Concat(Enumerable.Repeat("\U0001F4DD", Limits.ReasonLength))));
        Assert.Equal("reason", ItemLifecycle.CheckManual(Agreed, NeedsRevision, Facilitator, string.Concat(Enumerable.Repeat("\U0001F4DD", Limits.ReasonLength + 1)))?.Field);
        Assert.Equal("reason", ItemLifecycle.CheckManual(Agreed, NeedsRevision, Facilitator, "Key\u0007 is wrong")?.Field);
    }

    [Fact]
    public void The_role_is_checked_before_the_reason()
    {
        // An expert who may not make the move learns that, not that a reason is missing.
        Assert.Equal("status", ItemLifecycle.CheckManual(Agreed, NeedsRevision, Author, null)?.Field);
        Assert.Equal("status", ItemLifecycle.CheckManual(Draft, Withdrawn, OtherExpert, null)?.Field);
    }

    [Theory]
    [InlineData(Draft, true)]
    [InlineData(NeedsRevision, true)]
    [InlineData(Agreed, true)]
    [InlineData(InReview, false)]
    [InlineData(Final, false)]
    [InlineData(Withdrawn, false)]
    public void A_round_takes_drafts_items_needing_revision_and_agreed_items_into_review(ItemStatus status, bool can) =>
        Assert.Equal(can, ItemLifecycle.CanEnterReview(status));

    [Theory]
    [InlineData(Draft, true)]
    [InlineData(NeedsRevision, true)]
    [InlineData(InReview, false)]
    [InlineData(Agreed, false)]
    [InlineData(Final, false)]
    [InlineData(Withdrawn, false)]
    public void Only_drafts_and_items_needing_revision_are_editable(ItemStatus status, bool editable) =>
        Assert.Equal(editable, ItemLifecycle.IsEditable(status));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Only_agreed_to_needs_revision_and_back_override_a_round(ItemStatus from, ItemStatus to) =>
        Assert.Equal((from, to) is (Agreed, NeedsRevision) or (NeedsRevision, Agreed), ItemLifecycle.IsOverride(from, to));

    [Theory]
    [InlineData(Draft, "Draft")]
    [InlineData(InReview, "In review")]
    [InlineData(NeedsRevision, "Needs revision")]
    [InlineData(Agreed, "Agreed")]
    [InlineData(Final, "Final")]
    [InlineData(Withdrawn, "Withdrawn")]
    public void Statuses_are_described_as_the_pages_show_them(ItemStatus status, string words) =>
        Assert.Equal(words, ItemLifecycle.Describe(status));
}

using Quorum.Simulator.Planning;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Tests;

/// <summary>The plan writes exactly the items asked for, the same way for the same seed, spread over the whole panel.</summary>
public sealed class WritingPlanTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(100)]
    [InlineData(737)]
    public void Plan_adds_up_to_the_items_asked_for(int items)
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            Assert.Equal(items, WritingPlan.Create(items, seed).ItemCount);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_plan_and_another_seed_another()
    {
        var first = WritingPlan.Create(100, 1).Jobs;
        var again = WritingPlan.Create(100, 1).Jobs;
        var other = WritingPlan.Create(100, 2).Jobs;

        Assert.Equal(Describe(first), Describe(again));
        Assert.NotEqual(Describe(first), Describe(other));
    }

    [Fact]
    public void Scenarios_have_two_or_three_linked_questions_and_never_link_a_scenario()
    {
        var jobs = WritingPlan.Create(2_000, 7).Jobs;

        Assert.All(jobs.Where(j => j.Kind == ItemKind.Scenario), j =>
        {
            Assert.InRange(j.LinkedQuestions.Count, 2, 3);
            Assert.DoesNotContain(ItemKind.Scenario, j.LinkedQuestions);
        });
        Assert.All(jobs.Where(j => j.Kind != ItemKind.Scenario), j => Assert.Empty(j.LinkedQuestions));
    }

    [Fact]
    public void Mix_is_about_seventy_twenty_ten_in_jobs()
    {
        // Seed 1 is fixed, so the counts are exact: 69.5%, 20.5% and 9.9% of 8,001 jobs.
        var jobs = WritingPlan.Create(10_000, 1).Jobs;

        Assert.Equal(8_001, jobs.Count);
        Assert.Equal(5_564, jobs.Count(j => j.Kind == ItemKind.SingleBestAnswer));
        Assert.Equal(1_643, jobs.Count(j => j.Kind == ItemKind.MultipleResponse));
        Assert.Equal(794, jobs.Count(j => j.Kind == ItemKind.Scenario));
    }

    [Fact]
    public void Jobs_are_dealt_to_every_expert_exactly_once()
    {
        var plan = WritingPlan.Create(100, 3);
        var dealt = Enumerable.Range(0, 40).SelectMany(i => plan.For(i, 40)).Select(j => j.Number).Order().ToList();

        Assert.Equal(Enumerable.Range(0, plan.Jobs.Count), dealt);
        Assert.All(Enumerable.Range(0, 40), i => Assert.InRange(plan.For(i, 40).Count, plan.Jobs.Count / 40, (plan.Jobs.Count / 40) + 1));
    }

    [Fact]
    public void Seed_streams_are_stable_and_distinct()
    {
        Assert.Equal(Seeds.For(1, 0), Seeds.For(1, 0));
        Assert.Equal(40, Enumerable.Range(0, 40).Select(i => Seeds.For(1, i)).Distinct().Count());
        Assert.NotEqual(Seeds.For(1, 0), Seeds.For(2, 0));
    }

    private static string Describe(IEnumerable<WritingJob> jobs) =>
        string.Join(";", jobs.Select(j => $"{j.Kind}:{string.Join(",", j.LinkedQuestions)}"));
}

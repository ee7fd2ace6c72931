using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Planning;

/// <summary>
/// Who writes what, fixed before anyone connects and derived from the seed alone, so two runs with one seed
/// write the same bank: about 70% single best answer, 20% multiple response, 10% scenarios with 2-3 linked
/// questions (counted in jobs), adding up to exactly the number of items asked for.
/// </summary>
public sealed class WritingPlan
{
    private WritingPlan(IReadOnlyList<WritingJob> jobs) => Jobs = jobs;

    public IReadOnlyList<WritingJob> Jobs { get; }

    public int ItemCount => Jobs.Sum(job => job.ItemCount);

    public static WritingPlan Create(int items, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        var random = new Random(Seeds.For(seed, Seeds.PlanStream));
        var jobs = new List<WritingJob>();
        var remaining = items;
        while (remaining > 0)
        {
            var roll = random.NextDouble();
            WritingJob job;
            if (roll < 0.10 && remaining >= 3)
            {
                var questions = Math.Min(random.Next(2, 4), remaining - 1);
                var kinds = new ItemKind[questions];
                for (var i = 0; i < questions; i++)
                {
                    kinds[i] = random.NextDouble() < 0.8 ? ItemKind.SingleBestAnswer : ItemKind.MultipleResponse;
                }

                job = new WritingJob(jobs.Count, ItemKind.Scenario, kinds);
            }
            else
            {
                job = new WritingJob(jobs.Count, roll < 0.30 ? ItemKind.MultipleResponse : ItemKind.SingleBestAnswer, []);
            }

            jobs.Add(job);
            remaining -= job.ItemCount;
        }

        return new WritingPlan(jobs);
    }

    /// <summary>The jobs of one expert: dealt round-robin, so the work is spread over the whole panel.</summary>
    public IReadOnlyList<WritingJob> For(int expertIndex, int experts) =>
        [.. Jobs.Where(job => job.Number % experts == expertIndex)];
}

using Microsoft.Extensions.DependencyInjection;
using Quorum.Domain.Consensus;
using Quorum.Storage.Consensus;
using Quorum.Storage.Tests.Databases;
using Quorum.Storage.Tests.Hosting;

namespace Quorum.Storage.Tests;

/// <summary>
/// The rating journal every backend must keep: an acknowledged rating is stored and read back exactly, every
/// instrument and none, in number order, across a restart and a reapplied schema; a rating reaching for a number
/// already taken is refused alone, the appends sharing its commit stored; ratings given at once share commits.
/// </summary>
public abstract class RatingJournalContract(ITestDatabases databases)
{
    // An hour east of UTC, to the millisecond: read back, the same instant in UTC.
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 30, 0, 123, TimeSpan.FromHours(1));

    private static readonly Rating[] EveryInstrument =
    [
        new(Essentiality.Essential, 4, true, null, 4, 100),
        new(Essentiality.UsefulNotEssential, 3, null, null),
        new(Essentiality.NotNecessary, 1, false, "Off the framework: \"dosage\" ≠ dose 😅\nsee §2", 1, 0),
        new(null, null, null, null, 2, 55),
        new(null, 2, null, "Relevance only, and low"),
        new(null, null, null, null), // the store keeps what it is given; deciding what a rating must answer is the item's
    ];

    [Fact]
    public async Task Ratings_of_every_instrument_are_read_back_exactly_and_in_order_after_a_restart()
    {
        var settings = await databases.CreateAsync();
        var (item, other) = (Guid.NewGuid(), Guid.NewGuid());
        var ratings = EveryInstrument.Select((rating, i) => Rated(item, i + 1, rating)).ToArray();
        var others = EveryInstrument.Select((rating, i) => Rated(other, i + 1, rating)).ToArray();

        await using (var silo = await TestSilo.StartAsync(settings))
        {
            var journal = Journal(silo);
            // All at once, the two items interleaved: the order they reach the journal is not their order.
            await Task.WhenAll(ratings.Zip(others).SelectMany(pair => new[] { journal.AppendAsync(pair.First), journal.AppendAsync(pair.Second) }));
            Assert.Equal(ratings, await journal.ReadAsync(item, 0));
        }

        await using (var restarted = await TestSilo.StartAsync(settings))
        {
            var journal = Journal(restarted);
            var read = await journal.ReadAsync(item, 0);
            Assert.Equal(ratings, read);
            Assert.All(read, rating => Assert.Equal(TimeSpan.Zero, rating.At.Offset));
            Assert.Equal(others, await journal.ReadAsync(other, 0));
            Assert.Equal(ratings[2..], await journal.ReadAsync(item, 2));
            Assert.Empty(await journal.ReadAsync(item, ratings.Length));
            Assert.Empty(await journal.ReadAsync(Guid.NewGuid(), 0));
            Assert.Empty(restarted.Errors);
        }
    }

    [Fact]
    public async Task A_rating_is_stored_as_camel_case_json_with_essentiality_by_name_and_unanswered_instruments_left_out()
    {
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var journal = Journal(silo);
        var item = Guid.NewGuid();
        await journal.AppendAsync(Rated(item, 1, new Rating(Essentiality.UsefulNotEssential, 2, false, "Wrong key", Clarity: 3)));
        await journal.AppendAsync(Rated(item, 2, new Rating(null, null, null, null, Angoff: 0)));

        Assert.Equal(
            """{"essentiality":"usefulNotEssential","relevance":2,"keyCorrect":false,"reason":"Wrong key","clarity":3}""",
            await databases.ReadRatingJsonAsync(settings, item, 1));
        Assert.Equal("""{"angoff":0}""", await databases.ReadRatingJsonAsync(settings, item, 2));
    }

    [Fact]
    public async Task A_rating_reaching_for_a_taken_number_is_refused_and_ratings_appended_beside_it_are_stored()
    {
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var journal = Journal(silo);
        var (item, other) = (Guid.NewGuid(), Guid.NewGuid());
        var winner = Rated(item, 1, EveryInstrument[0]);
        await journal.AppendAsync(winner);

        // A second activation of the item that missed rating 1 writes its own rating 1, while another item's
        // rating and this item's next go into the journal at the same moment.
        var loser = journal.AppendAsync(Rated(item, 1, EveryInstrument[2]));
        var next = Rated(item, 2, EveryInstrument[1]);
        var bystander = Rated(other, 1, EveryInstrument[3]);
        var appended = Task.WhenAll(journal.AppendAsync(next), journal.AppendAsync(bystander));

        var refused = await Assert.ThrowsAsync<RatingConflictException>(() => loser);
        await appended;
        Assert.Equal((item, 1), (refused.ItemId, refused.Seq));
        Assert.Equal([winner, next], await journal.ReadAsync(item, 0));
        Assert.Equal([bystander], await journal.ReadAsync(other, 0));
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task One_commit_refuses_only_its_appends_whose_number_is_taken_before_or_within_it()
    {
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var store = silo.Services.GetRequiredService<RatingStore>();
        var (item, other) = (Guid.NewGuid(), Guid.NewGuid());
        var stored = Rated(item, 1, EveryInstrument[0]);
        Assert.Empty(await store.CommitAsync([[stored]]));

        var first = Rated(item, 2, EveryInstrument[1]);
        var bystander = Rated(other, 1, EveryInstrument[3]);
        var refused = await store.CommitAsync([[Rated(item, 1, EveryInstrument[2])], [first], [Rated(item, 2, EveryInstrument[4])], [bystander]]);

        Assert.Equal([0, 2], refused.Order());
        Assert.Equal([stored, first], await store.ReadAsync(item, 0, CancellationToken.None));
        Assert.Equal([bystander], await store.ReadAsync(other, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Ratings_given_while_a_commit_is_held_back_share_the_next_commit()
    {
        const int Items = 40;
        const int PerItem = 5;
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var journal = silo.Services.GetRequiredService<RatingJournal>();
        var items = Enumerable.Range(0, Items).Select(_ => Guid.NewGuid()).ToArray();

        await HeldCommits.AppendAllAsync(databases, settings, silo, () =>
            items.SelectMany(item => Enumerable.Range(1, PerItem).Select(seq => journal.AppendAsync(Rated(item, seq, EveryInstrument[seq])))));

        foreach (var item in items)
        {
            Assert.Equal(Enumerable.Range(1, PerItem), (await journal.ReadAsync(item, 0)).Select(r => r.Seq));
        }

        HeldCommits.AssertShared(journal.Commits, Items * PerItem);
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task Reapplying_the_schema_keeps_the_ratings_and_their_numbers_taken()
    {
        var settings = await databases.CreateAsync();
        var item = Guid.NewGuid();
        var ratings = EveryInstrument[..3].Select((rating, i) => Rated(item, i + 1, rating)).ToArray();
        await using (var silo = await TestSilo.StartAsync(settings))
        {
            foreach (var rating in ratings)
            {
                await Journal(silo).AppendAsync(rating);
            }
        }

        await QuorumStorage.ApplySchemaAsync(settings);
        await QuorumStorage.ApplySchemaAsync(settings);

        await using (var restarted = await TestSilo.StartAsync(settings))
        {
            var journal = Journal(restarted);
            Assert.Equal(ratings, await journal.ReadAsync(item, 0));
            await Assert.ThrowsAsync<RatingConflictException>(() => journal.AppendAsync(Rated(item, 3, EveryInstrument[5])));
            var fourth = Rated(item, 4, EveryInstrument[5]);
            await journal.AppendAsync(fourth);
            Assert.Equal([.. ratings, fourth], await journal.ReadAsync(item, 0));
            Assert.Empty(restarted.Errors);
        }
    }

    private static IRatingJournal Journal(TestSilo silo) => silo.Services.GetRequiredService<IRatingJournal>();

    private static RecordedRating Rated(Guid item, int seq, Rating rating) =>
        new(item, seq, Guid.NewGuid(), Guid.NewGuid(), rating, Start.AddSeconds(seq));
}

/// <summary>The rating journal's contract (<see cref="RatingJournalContract"/>) on SQLite.</summary>
public sealed class SqliteRatingJournalTests(SqliteTestDatabases databases)
    : RatingJournalContract(databases), IClassFixture<SqliteTestDatabases>;

/// <summary>The rating journal's contract (<see cref="RatingJournalContract"/>) on PostgreSQL.</summary>
public sealed class PostgresRatingJournalTests(PostgresTestDatabases databases)
    : RatingJournalContract(databases), IClassFixture<PostgresTestDatabases>;

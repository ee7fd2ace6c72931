using Microsoft.Extensions.DependencyInjection;
using Quorum.Domain.Editing;
using Quorum.Storage.Editing;
using Quorum.Storage.Tests.Databases;
using Quorum.Storage.Tests.Hosting;

namespace Quorum.Storage.Tests;

/// <summary>
/// The edit journal every backend must keep: an acknowledged append is stored whole and read back exactly, in
/// revision order, across a restart; an append that reaches for a revision already taken (a second activation
/// of the field) is refused whole without disturbing appends that shared its commit.
/// </summary>
public abstract class EditJournalContract(ITestDatabases databases)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 30, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task Appended_edits_are_read_back_exactly_and_in_order_after_a_restart()
    {
        var settings = await databases.CreateAsync();
        var (panel, item, author) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var edits = new[]
        {
            Edit(panel, item, "stem", 1, author, "tab-1", 1, "[\"Which age? 😅\"]"),
            Edit(panel, item, "stem", 2, author, "tab-1", 2, "[5,{\"d\":\"age\"},\"stage\"]"),
            Edit(panel, item, "stem", 3, author, "tab-2", 7, "[{\"d\":1},\"w\"]"),
        };

        await using (var silo = await TestSilo.StartAsync(settings))
        {
            var journal = Journal(silo);
            await journal.AppendAsync(edits[..2]);
            await journal.AppendAsync(edits[2..]);
            Assert.Equal(edits, await journal.ReadAsync(item, "stem", 0));
        }

        await using (var restarted = await TestSilo.StartAsync(settings))
        {
            var journal = Journal(restarted);
            Assert.Equal(edits, await journal.ReadAsync(item, "stem", 0));
            Assert.Equal(edits[1..2], await journal.ReadAsync(item, "stem", 1, 2));
            Assert.Empty(await journal.ReadAsync(item, "rationale", 0));
            Assert.Equal(2, await journal.LastClientSeqAsync(item, "stem", author, "tab-1", 0));
            Assert.Null(await journal.LastClientSeqAsync(item, "stem", author, "tab-1", 2));
            Assert.Null(await journal.LastClientSeqAsync(item, "stem", Guid.NewGuid(), "tab-2", 0)); // another person's tab id
            Assert.Empty(restarted.Errors);
        }
    }

    [Fact]
    public async Task An_append_reaching_for_a_taken_revision_is_refused_whole_and_others_in_its_commit_are_stored()
    {
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var journal = Journal(silo);
        var (panel, item, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var winner = Edit(panel, item, "stem", 2, Guid.NewGuid(), "a", 1, "[\"b\"]");
        await journal.AppendAsync([Edit(panel, item, "stem", 1, Guid.NewGuid(), "a", 1, "[\"a\"]")]);
        await journal.AppendAsync([winner]);

        // A second activation of the field that missed revision 2 tries to write revisions 2 and 3 in one append,
        // while another field's append goes into the journal at the same moment.
        var loser = journal.AppendAsync([Edit(panel, item, "stem", 2, Guid.NewGuid(), "z", 1, "[\"z\"]"), Edit(panel, item, "stem", 3, Guid.NewGuid(), "z", 2, "[\"y\"]")]);
        var bystander = journal.AppendAsync([Edit(panel, other, "rationale", 1, Guid.NewGuid(), "c", 1, "[\"c\"]")]);

        var refused = await Assert.ThrowsAsync<EditConflictException>(() => loser);
        await bystander;
        Assert.Equal((item, "stem", 2), (refused.ItemId, refused.Field, refused.Revision));
        Assert.Equal([1, 2], (await journal.ReadAsync(item, "stem", 0)).Select(e => e.Revision));
        Assert.Equal(winner, (await journal.ReadAsync(item, "stem", 1)).Single());
        Assert.Single(await journal.ReadAsync(other, "rationale", 0));
        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task Many_fields_appending_at_once_all_get_their_edits_stored()
    {
        const int Fields = 60;
        const int Appends = 10;
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var journal = Journal(silo);
        var panel = Guid.NewGuid();
        var items = Enumerable.Range(0, Fields).Select(_ => Guid.NewGuid()).ToArray();

        // Each field appends its edits one after another, as a field grain does; the fields run side by side,
        // so the journal's writer gathers many appends into each commit.
        await Task.WhenAll(items.Select(item => Task.Run(async () =>
        {
            for (var revision = 1; revision <= Appends; revision++)
            {
                await journal.AppendAsync([Edit(panel, item, "option3", revision, item, "tab", revision, "[\"x\"]")]);
            }
        })));

        foreach (var item in items)
        {
            var stored = await journal.ReadAsync(item, "option3", 0);
            Assert.Equal(Enumerable.Range(1, Appends), stored.Select(e => e.Revision));
            Assert.Equal(Appends, await journal.LastClientSeqAsync(item, "option3", item, "tab", 0));
        }

        Assert.Empty(silo.Errors);
    }

    [Fact]
    public async Task Edits_applied_while_a_commit_is_held_back_share_the_next_commit()
    {
        const int Fields = 50;
        var settings = await databases.CreateAsync();
        await using var silo = await TestSilo.StartAsync(settings);
        var journal = silo.Services.GetRequiredService<EditJournal>();
        var (panel, item) = (Guid.NewGuid(), Guid.NewGuid());

        await HeldCommits.AppendAllAsync(databases, settings, silo, () => Enumerable.Range(0, Fields).Select(f => journal.AppendAsync(
            [Edit(panel, item, $"option:{f}", 1, item, "tab", 1, "[\"x\"]"), Edit(panel, item, $"option:{f}", 2, item, "tab", 2, "[\"y\"]")])));

        for (var f = 0; f < Fields; f++)
        {
            Assert.Equal([1, 2], (await journal.ReadAsync(item, $"option:{f}", 0)).Select(e => e.Revision));
        }

        HeldCommits.AssertShared(journal.Commits, Fields);
        Assert.Empty(silo.Errors);
    }

    private static IEditJournal Journal(TestSilo silo) => silo.Services.GetRequiredService<IEditJournal>();

    private static RecordedEdit Edit(Guid panel, Guid item, string field, int revision, Guid author, string client, long seq, string op) =>
        new(panel, item, field, revision, author, client, seq, Start.AddSeconds(revision),
            TextOpJson.TryParse(op, out var parsed, out var error) ? parsed : throw new ArgumentException(error));
}

/// <summary>The edit journal's contract (<see cref="EditJournalContract"/>) on SQLite.</summary>
public sealed class SqliteEditJournalTests(SqliteTestDatabases databases)
    : EditJournalContract(databases), IClassFixture<SqliteTestDatabases>;

/// <summary>The edit journal's contract (<see cref="EditJournalContract"/>) on PostgreSQL.</summary>
public sealed class PostgresEditJournalTests(PostgresTestDatabases databases)
    : EditJournalContract(databases), IClassFixture<PostgresTestDatabases>;

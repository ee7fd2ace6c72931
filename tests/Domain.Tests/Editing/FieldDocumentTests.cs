using Quorum.Domain.Editing;

namespace Quorum.Domain.Tests.Editing;

/// <summary>The field's authority applies what fits, refuses what does not with a reason, and is unchanged by a refusal.</summary>
public sealed class FieldDocumentTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Author = Guid.NewGuid();

    [Fact]
    public void A_late_op_is_transformed_over_what_its_sender_had_not_seen()
    {
        var field = new FieldDocument("The cat sat.", 0, 100);
        field.Submit(Request("a", 1, 0, "[4,{\"d\":\"cat\"},\"dog\"]"), At);

        var late = field.Submit(Request("b", 1, 0, "[11,\" down\"]"), At);

        var applied = late.AppliedEdit;
        Assert.Equal(2, applied.Revision);
        Assert.Equal("[11,\" down\"]", applied.Op.ToString());
        Assert.Equal("The dog sat down.", field.Text);
    }

    [Fact]
    public void Code_points_outside_the_basic_plane_count_as_one()
    {
        var field = new FieldDocument("a😅b", 0, 100);

        Assert.Equal(SubmitOutcome.Applied, field.Submit(Request("a", 1, 0, "[2,\"🤖\",{\"d\":\"b\"}]"), At).Outcome);

        Assert.Equal("a😅🤖", field.Text);
        Assert.Equal(3, field.Length);
    }

    [Theory]
    [InlineData("[6,\"x\"]", "needs a text of at least 6 characters, but the text has 5")]
    [InlineData("[{\"d\":6}]", "needs a text of at least 6 characters")]
    [InlineData("[1,{\"d\":\"xyz\"}]", "deletes \"xyz\" at character 1, but the text there is \"bcd\"")]
    [InlineData("[\"a\\u0007b\"]", "control character (U+0007)")]
    [InlineData("[5,\"0123456789\"]", "at most 12 characters; the change would make it 15")]
    public void An_op_that_does_not_fit_is_refused_and_changes_nothing(string op, string reason)
    {
        var field = new FieldDocument("abcde", 0, 12);

        var result = field.Submit(Request("a", 1, 0, op), At);

        Assert.Equal(SubmitOutcome.Rejected, result.Outcome);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.Equal(("abcde", 0), (field.Text, field.Revision));
        Assert.Equal(SubmitOutcome.Applied, field.Submit(Request("a", 2, 0, "[5,\"f\"]"), At).Outcome);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void A_base_revision_that_does_not_exist_is_refused(int baseRevision)
    {
        var field = new FieldDocument("abc", 0, 100);

        var refused = field.Submit(Request("a", 1, baseRevision, "[\"x\"]"), At);

        Assert.Equal(SubmitOutcome.Rejected, refused.Outcome);
        Assert.Contains($"revision {baseRevision} of the text, which does not exist", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(0, field.Revision);
    }

    [Fact]
    public void A_delete_whose_text_was_changed_meanwhile_is_refused_rather_than_deleting_something_else()
    {
        var field = new FieldDocument("keep this", 0, 100);
        field.Submit(Request("a", 1, 0, "[5,{\"d\":\"this\"},\"that\"]"), At);

        // b deleted "this" by its text, at base 0; a's change already replaced it, so b's delete meets "that".
        var result = field.Submit(Request("b", 1, 0, "[5,{\"d\":\"this\"}]"), At);

        Assert.Equal("keep that", field.Text);
        Assert.Equal(SubmitOutcome.Applied, result.Outcome); // transformed: a already deleted "this", so b's delete is gone
        Assert.Equal("keep that", field.Text);
    }

    [Fact]
    public void Replaying_the_journal_rebuilds_the_text_and_the_kept_edits()
    {
        var first = new FieldDocument(string.Empty, 0, 100);
        var edits = new List<AppliedEdit>();
        foreach (var (op, i) in new[] { "[\"Hello\"]", "[5,\" world\"]", "[{\"d\":1},\"h\"]" }.Select((op, i) => (op, i)))
        {
            edits.Add(first.Submit(Request("a", i + 1, i, op), At).AppliedEdit);
        }

        var again = new FieldDocument("Hello", 1, 100, edits.Take(1));
        again.Replay(edits[1]);
        again.Replay(edits[2]);

        Assert.Equal(("hello world", 3), (again.Text, again.Revision));
        Assert.Equal(edits, again.EditsSince(0));
        Assert.Throws<InvalidDataException>(() => again.Replay(edits[2]));
    }

    private static EditRequest Request(string client, long seq, int baseRevision, string json) =>
        new(Author, client, seq, baseRevision, TextOpJson.TryParse(json, out var op, out var error) ? op : throw new ArgumentException(error));
}

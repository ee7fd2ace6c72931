using Quorum.Domain.Items;

namespace Quorum.Domain.Tests.Items;

/// <summary>An item leaves Draft only when complete; every missing field is reported by its own name, all at once.</summary>
public sealed class ItemCompletenessTests
{
    private const string Statement = "kss-cfp-3";

    private static bool Known(string id) => id == Statement;

    /// <summary>Every text field of the kind filled, except those in <paramref name="empty"/> (mapped to <paramref name="blank"/>).</summary>
    private static Func<string, string?> Texts(ItemKind kind, string? blank = null, params string[] empty)
    {
        var texts = ItemFields.For(kind).ToDictionary(f => f, f => (string?)$"Text of {f}");
        foreach (var field in empty)
        {
            texts[field] = blank;
        }

        return field => texts.GetValueOrDefault(field);
    }

    private static int[] KeysOf(ItemKind kind) => kind == ItemKind.MultipleResponse ? [0, 3, 7] : kind == ItemKind.SingleBestAnswer ? [1] : [];

    [Theory]
    [InlineData(ItemKind.SingleBestAnswer)]
    [InlineData(ItemKind.MultipleResponse)]
    [InlineData(ItemKind.Scenario)]
    public void A_complete_item_misses_nothing(ItemKind kind) =>
        Assert.Empty(ItemCompleteness.Missing(kind, Texts(kind), KeysOf(kind), Statement, Known));

    public static TheoryData<ItemKind, string, string?> EachField()
    {
        var data = new TheoryData<ItemKind, string, string?>();
        foreach (var kind in Enum.GetValues<ItemKind>())
        {
            foreach (var field in ItemFields.For(kind))
            {
                data.Add(kind, field, null);
                data.Add(kind, field, "");
                data.Add(kind, field, " \n\t ");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EachField))]
    public void Each_missing_field_is_reported_by_name(ItemKind kind, string field, string? blank)
    {
        var missing = ItemCompleteness.Missing(kind, Texts(kind, blank, field), KeysOf(kind), Statement, Known);

        var problem = Assert.Single(missing);
        Assert.Equal(field, problem.Field);
        Assert.Equal(
            field switch
            {
                ItemFields.Stem => "Write the stem.",
                ItemFields.Rationale => "Write the rationale: why the key is right and the distractors are not.",
                ItemFields.Vignette => "Write the vignette.",
                _ => $"Write option {(char)('A' + (field[^1] - '0'))}.",
            },
            problem.Message);
    }

    [Theory]
    [InlineData(ItemKind.SingleBestAnswer)]
    [InlineData(ItemKind.MultipleResponse)]
    [InlineData(ItemKind.Scenario)]
    public void An_empty_item_reports_every_required_field_in_order(ItemKind kind)
    {
        var missing = ItemCompleteness.Missing(kind, _ => null, [], "", Known);

        string[] expected = kind == ItemKind.Scenario
            ? ["statementId", ItemFields.Vignette]
            : ["statementId", .. ItemFields.For(kind), "keys"];
        Assert.Equal(expected, missing.Select(p => p.Field));
    }

    [Theory]
    [InlineData("")]
    [InlineData("kss-ps-1")]
    public void An_item_not_tagged_to_a_statement_of_the_framework_misses_its_statement(string statementId)
    {
        var problem = Assert.Single(ItemCompleteness.Missing(ItemKind.SingleBestAnswer, Texts(ItemKind.SingleBestAnswer), [1], statementId, Known));

        Assert.Equal(new InputProblem("statementId", "Tag the item to one statement of the panel's framework."), problem);
    }

    [Theory]
    [InlineData(ItemKind.SingleBestAnswer, new int[0])]
    [InlineData(ItemKind.SingleBestAnswer, new[] { 0, 1 })]
    [InlineData(ItemKind.SingleBestAnswer, new[] { 4 })]
    [InlineData(ItemKind.SingleBestAnswer, new[] { -1 })]
    [InlineData(ItemKind.MultipleResponse, new[] { 0, 1 })]
    [InlineData(ItemKind.MultipleResponse, new[] { 0, 1, 8 })]
    [InlineData(ItemKind.MultipleResponse, new[] { 2, 2, 5 })]
    [InlineData(ItemKind.MultipleResponse, new[] { 0, 1, 2, 3 })]
    public void Wrong_keys_are_reported(ItemKind kind, int[] keys) =>
        Assert.Equal("keys", Assert.Single(ItemCompleteness.Missing(kind, Texts(kind), keys, Statement, Known)).Field);

    [Fact]
    public void A_scenario_needs_no_stem_options_rationale_or_keys() =>
        Assert.Empty(ItemCompleteness.Missing(ItemKind.Scenario, f => f == ItemFields.Vignette ? "A family of four..." : null, [], Statement, Known));

    [Fact]
    public void Several_missing_fields_are_all_reported()
    {
        var missing = ItemCompleteness.Missing(
            ItemKind.MultipleResponse,
            Texts(ItemKind.MultipleResponse, null, ItemFields.Option(2), ItemFields.Option(6), ItemFields.Rationale),
            [0, 1],
            Statement,
            Known);

        Assert.Equal(["option2", "option6", "rationale", "keys"], missing.Select(p => p.Field));
        Assert.Equal("Write option C.", missing[0].Message);
        Assert.Equal("Write option G.", missing[1].Message);
    }
}

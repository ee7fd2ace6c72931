using Quorum.Domain.Items;

namespace Quorum.Domain.Tests;

/// <summary>A draft has the right shape for its kind, is tagged to a known statement, and stays within the limits.</summary>
public sealed class ItemDraftTests
{
    private static bool Known(string id) => id == "kss-cfp-1";

    private static ItemDraft SingleBest(IReadOnlyList<string>? options = null, IReadOnlyList<int>? keys = null, string? stem = "Which action comes first?") =>
        new(ItemKind.SingleBestAnswer, "kss-cfp-1", stem, options ?? ["A", "B", "C", "D"], keys ?? [2], "Because.", null, null);

    [Fact]
    public void A_complete_single_best_answer_is_accepted() => Assert.Null(SingleBest().Validate(Known));

    [Fact]
    public void A_multiple_response_needs_eight_options_and_three_keys()
    {
        var options = Enumerable.Range(0, 8).Select(i => $"Option {i}").ToList();
        Assert.Null(new ItemDraft(ItemKind.MultipleResponse, "kss-cfp-1", "Which three?", options, [0, 3, 7], null, null, null).Validate(Known));
        Assert.Equal("keys", new ItemDraft(ItemKind.MultipleResponse, "kss-cfp-1", "Which three?", options, [0, 3], null, null, null).Validate(Known)?.Field);
        Assert.Equal("options", new ItemDraft(ItemKind.MultipleResponse, "kss-cfp-1", "Which three?", options[..4], [0, 1, 2], null, null, null).Validate(Known)?.Field);
    }

    [Fact]
    public void Wrong_number_of_options_is_refused() => Assert.Equal("options", SingleBest(options: ["A", "B", "C"]).Validate(Known)?.Field);

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 1 })]
    [InlineData(new[] { 4 })]
    [InlineData(new[] { -1 })]
    public void Wrong_keys_are_refused(int[] keys) => Assert.Equal("keys", SingleBest(keys: keys).Validate(Known)?.Field);

    [Fact]
    public void Duplicate_keys_are_refused()
    {
        var options = Enumerable.Range(0, 8).Select(i => $"Option {i}").ToList();
        Assert.Equal("keys", new ItemDraft(ItemKind.MultipleResponse, "kss-cfp-1", "Which?", options, [1, 1, 2], null, null, null).Validate(Known)?.Field);
    }

    [Fact]
    public void Unknown_statement_is_refused() =>
        Assert.Equal("statementId", (SingleBest() with { StatementId = "kss-cfp-99" }).Validate(Known)?.Field);

    [Fact]
    public void Stem_is_required_and_bounded()
    {
        Assert.Equal("stem", SingleBest(stem: "  ").Validate(Known)?.Field);
        Assert.Equal("stem", SingleBest(stem: new string('x', Limits.StemLength + 1)).Validate(Known)?.Field);
        Assert.Null(SingleBest(stem: new string('x', Limits.StemLength)).Validate(Known));
    }

    [Fact]
    public void Control_characters_are_refused() =>
        Assert.Equal("stem", SingleBest(stem: "Which\u0007 one?").Validate(Known)?.Field);

    [Fact]
    public void Over_long_option_is_refused_naming_the_option()
    {
        var problem = SingleBest(options: ["A", new string('b', Limits.OptionLength + 1), "C", "D"]).Validate(Known);
        Assert.Equal("option1", problem?.Field);
        Assert.Contains("Option B", problem?.Message);
    }

    [Fact]
    public void A_scenario_has_a_vignette_only()
    {
        Assert.Null(new ItemDraft(ItemKind.Scenario, "kss-cfp-1", null, null, null, null, "A family of four...", null).Validate(Known));
        Assert.Equal("kind", new ItemDraft(ItemKind.Scenario, "kss-cfp-1", "Stem?", null, null, null, "A family", null).Validate(Known)?.Field);
        Assert.Equal("vignette", new ItemDraft(ItemKind.Scenario, "kss-cfp-1", null, null, null, null, "", null).Validate(Known)?.Field);
        Assert.Equal("vignette", (SingleBest() with { Vignette = "x" }).Validate(Known)?.Field);
    }

    [Fact]
    public void Unknown_kind_is_refused() => Assert.Equal("kind", (SingleBest() with { Kind = (ItemKind)9 }).Validate(Known)?.Field);
}

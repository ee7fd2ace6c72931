using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Quorum.Browser.Tests;

/// <summary>
/// Whoever has a caret or a selection in a field is shown to the others in that field, under their name, at
/// the same place in the text however the text changes around it, and named in words for screen readers.
/// </summary>
public sealed class RemoteCaretTests(BrowserFixture browser, EditingServerFixture fixture)
    : IClassFixture<BrowserFixture>, IClassFixture<EditingServerFixture>
{
    [Fact]
    public async Task A_caret_and_a_selection_show_under_their_owners_name_and_follow_the_text()
    {
        await using var item = await ItemEditors.OpenAsync(browser, fixture.Server, "Alpha beta 😀 gamma", "Ivy Ink", "Jon Jot");
        var (ivy, jon) = (item[0], item[1]);

        // Ivy's caret after "Alpha": Jon sees her name there, in the stem and nowhere else.
        await ivy.CaretToLineStartAsync("Stem", 0);
        await ivy.PressAsync("ArrowRight", 5);
        var ivyInStem = Caret(jon, "stem", "Ivy Ink");
        await Expect(ivyInStem).ToBeVisibleAsync();
        await WaitForTextBeforeAsync(jon, "stem", "Ivy Ink", "Alpha", "caret placed");
        var name = await ivyInStem.GetByText("Ivy Ink").BoundingBoxAsync();
        var area = await jon.Field("Stem").BoundingBoxAsync();
        Assert.True(name is not null && area is not null && name.Y >= area.Y && name.Y + name.Height <= area.Y + area.Height,
            $"On the first line the name must show inside the field, not cut off above it: name at {name?.Y}, field from {area?.Y} to {area?.Y + area?.Height}.");
        await Expect(Caret(jon, "option0", "Ivy Ink")).ToHaveCountAsync(0);
        await Expect(jon.Field("Stem")).ToHaveAccessibleDescriptionAsync(new Regex("Also here: Ivy Ink"));
        await Expect(jon.Field("Option A")).Not.ToHaveAccessibleDescriptionAsync(new Regex("Ivy Ink"));

        // Jon types before it and after it: her caret stays after "Alpha".
        await jon.CaretToLineStartAsync("Stem", 0);
        await jon.TypeAsync("Oh 🎉 ");
        await jon.PressAsync("End");
        await jon.TypeAsync(" 𝄞");
        await item.ConvergeAsync("stem", "typing around a caret");
        await WaitForTextBeforeAsync(jon, "stem", "Ivy Ink", "Oh 🎉 Alpha", "text typed before the caret");

        // Ivy selects "beta 😀": Jon sees that selection, and it keeps its text while he types before it.
        await ivy.PressAsync("ArrowRight");
        await ivy.PressAsync("Shift+ArrowRight", Editor.Graphemes("beta 😀"));
        await Expect(Selection(jon, "stem", "Ivy Ink")).ToHaveTextAsync("beta 😀");
        await jon.CaretToLineStartAsync("Stem", 0);
        await jon.TypeAsync("So ");
        await item.ConvergeAsync("stem", "typing before a selection");
        await Expect(Selection(jon, "stem", "Ivy Ink")).ToHaveTextAsync("beta 😀");
        await WaitForTextBeforeAsync(jon, "stem", "Ivy Ink", "So Oh 🎉 Alpha beta 😀", "text typed before the selection");

        // Ivy's own typing moves her caret on Jon's screen.
        await ivy.PressAsync("ArrowRight");
        await ivy.TypeAsync("!");
        await item.ConvergeAsync("stem", "the caret's owner typing");
        await WaitForTextBeforeAsync(jon, "stem", "Ivy Ink", "So Oh 🎉 Alpha beta 😀!", "the owner typed");

        // A selection made backwards has its caret at its start, where her next keystroke would go.
        await ivy.PressAsync("Shift+ArrowLeft", 2);
        await Expect(Selection(jon, "stem", "Ivy Ink")).ToHaveTextAsync("😀!");
        await WaitForTextBeforeAsync(jon, "stem", "Ivy Ink", "So Oh 🎉 Alpha beta ", "a backward selection");

        // She moves to option A: she leaves the stem for Jon, in the picture and in words.
        await ivy.Field("Option A").FocusAsync();
        await Expect(Caret(jon, "option0", "Ivy Ink")).ToBeVisibleAsync();
        await Expect(ivyInStem).ToHaveCountAsync(0);
        await Expect(jon.Field("Stem")).Not.ToHaveAccessibleDescriptionAsync(new Regex("Ivy Ink"));
        await Expect(jon.Field("Option A")).ToHaveAccessibleDescriptionAsync(new Regex("Also here: Ivy Ink"));

        // Jon sees Ivy's caret, and she sees his.
        await jon.Field("Stem").FocusAsync();
        await Expect(Caret(ivy, "stem", "Jon Jot")).ToBeVisibleAsync();
        Assert.Empty(ivy.Problems.Concat(jon.Problems));
    }

    /// <summary>The drawn (and hidden from assistive technology) caret of <paramref name="name"/> in a field on this editor's page.</summary>
    private static ILocator Caret(Editor editor, string field, string name) =>
        editor.Page.Locator($"[data-field='{field}'] [aria-hidden='true'] [data-name='{name}']");

    /// <summary>The drawn selection of <paramref name="name"/> in a field.</summary>
    private static ILocator Selection(Editor editor, string field, string name) =>
        editor.Page.Locator($"[data-field='{field}'] [aria-hidden='true']").Filter(new() { Has = editor.Page.Locator($"[data-name='{name}']") })
            .Locator("[data-selection]");

    /// <summary>Waits until the field's text before <paramref name="name"/>'s drawn caret is <paramref name="before"/>.</summary>
    private static async Task WaitForTextBeforeAsync(Editor editor, string field, string name, string before, string phase)
    {
        const string script = """
            ([field, name]) => {
              const caret = document.querySelector(`[data-field='${field}'] [data-name='${name}']`);
              if (!caret) return null;
              const layer = caret.closest("[aria-hidden='true']");
              const range = document.createRange();
              range.setStart(layer, 0);
              range.setEndBefore(caret);
              return range.toString();
            }
            """;
        try
        {
            await editor.Page.WaitForFunctionAsync($"([field, name, before]) => ({script})([field, name]) === before", new[] { field, name, before });
        }
        catch (TimeoutException)
        {
            var seen = await editor.Page.EvaluateAsync<string?>(script, new[] { field, name });
            throw new Xunit.Sdk.XunitException($"{phase}: on {editor.Name}'s page, {name}'s caret in {field} should follow {Editor.Show(before)}, but follows {Editor.Show(seen)}.");
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}

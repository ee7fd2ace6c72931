using Microsoft.Playwright;

namespace Quorum.Browser.Tests;

/// <summary>
/// People typing, deleting, pasting and composing in one field at the same moment all end with exactly the server's
/// text, with each person's words where that person put them, emoji and other characters outside the BMP included.
/// </summary>
public sealed class CoEditingTests(BrowserFixture browser, EditingServerFixture fixture)
    : IClassFixture<BrowserFixture>, IClassFixture<EditingServerFixture>
{
    [Fact]
    public async Task Two_people_typing_and_deleting_across_each_others_text_converge_on_the_servers_text()
    {
        await using var item = await ItemEditors.OpenAsync(browser, fixture.Server, "A>\nB>\n0123456789abcdefghij", "Ada Alpha", "Ben Beta");
        var (ada, ben) = (item[0], item[1]);

        // Each types at the end of a line of their own, keystroke by keystroke, neither waiting for the other.
        await ada.CaretToLineEndAsync("Stem", 0);
        await ben.CaretToLineEndAsync("Stem", 1);
        await Task.WhenAll(
            Script(ada, "alpha 😀 one", "xyz", Back(3), " 𝄞 two 🇬🇧", "😀", Back(1), " end"),
            Script(ben, "beta 🎉 three", "𠀋𠀋", Back(1), " four 🍀", "zz", Back(2)));
        const string adaLine = "alpha 😀 one 𝄞 two 🇬🇧 end";
        const string benLine = "beta 🎉 three𠀋 four 🍀";
        var typed = await item.ConvergeAsync("stem", "typing at once");
        Assert.Equal($"A>{adaLine}\nB>{benLine}\n0123456789abcdefghij", typed);

        // Overlapping selections, one pasted over and one deleted at once: the union goes, the paste stays.
        await ada.CaretToLineStartAsync("Stem", 2);
        await ada.PressAsync("ArrowRight", 3);
        await ada.PressAsync("Shift+ArrowRight", 9);
        await ben.CaretToLineStartAsync("Stem", 2);
        await ben.PressAsync("ArrowRight", 8);
        await ben.PressAsync("Shift+ArrowRight", 8);
        await Task.WhenAll(Script(ada, Paste("X🎉")), ben.PressAsync("Backspace"));
        var deleted = await item.ConvergeAsync("stem", "overlapping deletions");
        Assert.Equal($"A>{adaLine}\nB>{benLine}\n012X🎉ghij", deleted);

        // Ada deletes from her line into the start of Ben's while he types at its end: his caret follows the
        // text it was in, so his words land after his own, and hers where her caret was.
        await ben.CaretToLineEndAsync("Stem", 1);
        await ada.CaretToLineStartAsync("Stem", 0);
        await ada.PressAsync("ArrowRight", Editor.Graphemes("A>alpha "));
        await ada.PressAsync("Shift+ArrowRight", Editor.Graphemes(adaLine) - Editor.Graphemes("alpha ") + Editor.Graphemes("\nB>beta "));
        await Task.WhenAll(
            Script(ada, Back(1), "and "),
            Script(ben, " five ✨", "𝄞", " six"));
        var merged = await item.ConvergeAsync("stem", "deleting across the other's text");
        Assert.Equal("A>alpha and 🎉 three𠀋 four 🍀 five ✨𝄞 six\n012X🎉ghij", merged);
    }

    [Fact]
    public async Task Text_someone_inserts_at_the_start_of_another_persons_selection_stays_out_of_it()
    {
        await using var item = await ItemEditors.OpenAsync(browser, fixture.Server, "0123456789", "Max Mark", "Nia Note");
        var (max, nia) = (item[0], item[1]);
        await nia.CaretToLineStartAsync("Stem", 0);
        await nia.PressAsync("ArrowRight", 2);
        await nia.PressAsync("Shift+ArrowRight", 4); // "2345"

        // Max pastes right where Nia's selection starts; once she has it, she deletes her selection.
        await max.CaretToLineStartAsync("Stem", 0);
        await max.PressAsync("ArrowRight", 2);
        await max.Page.Keyboard.InsertTextAsync("X🎉");
        Assert.Equal("01X🎉23456789", await item.ConvergeAsync("stem", "the paste reached everyone"));
        await nia.PressAsync("Backspace");

        Assert.Equal("01X🎉6789", await item.ConvergeAsync("stem", "the selection deleted"));
    }

    [Fact]
    public async Task Five_people_typing_at_once_in_one_field_converge_on_the_servers_text()
    {
        string[] names = ["Cai One", "Dee Two", "Eli Three", "Fay Four", "Gus Five"];
        await using var item = await ItemEditors.OpenAsync(browser, fixture.Server, "P1>\nP2>\nP3>\nP4>\nP5>", names[..4]);
        for (var i = 0; i < 4; i++)
        {
            await item[i].CaretToLineEndAsync("Stem", i);
        }

        Step[] Steps(int i) => [$"{i + 1} writes on", " 😀", "xx", Back(2), $" 𝄞{i + 1}", Paste(" pasted 👩‍👩‍👧 🇬🇧"), " and 🎉 more to say"];
        var four = Task.WhenAll(item.All.Select((editor, i) => Script(editor, Steps(i))).ToList());

        // The fifth opens the page while the four are typing: it must start from their text as it is by then.
        var late = await item.JoinAsync(browser, names[4]);
        await late.Field("Stem").FocusAsync();
        await late.PressAsync("Control+End"); // the last line, however the four's lines wrap by now
        await Task.WhenAll(four, Script(late, Steps(4)));

        var text = await item.ConvergeAsync("stem", "five typing at once");
        var expected = string.Join("\n", names.Select((_, i) => $"P{i + 1}>{i + 1} writes on 😀 𝄞{i + 1} pasted 👩‍👩‍👧 🇬🇧 and 🎉 more to say"));
        Assert.Equal(expected, text);
    }

    [Fact]
    public async Task An_input_method_composition_is_not_broken_by_others_typing_and_joins_their_text_when_it_ends()
    {
        await using var item = await ItemEditors.OpenAsync(browser, fixture.Server, "Ask\nAnswer", "Hana Kana", "Ian Ink");
        var (hana, ian) = (item[0], item[1]);
        await hana.CaretToLineEndAsync("Stem", 0);
        await ian.CaretToLineEndAsync("Stem", 1);

        // Hana composes with an input method (as for Japanese, or accents on many keyboards) while Ian types.
        var ime = await hana.Page.Context.NewCDPSessionAsync(hana.Page);
        await Compose(ime, " に");
        await Compose(ime, " にほ");
        await ian.TypeAsync(" 🎉 yes");
        await ian.WaitSavedAsync("stem", "typing during a composition", ItemEditors.ConvergeTimeoutMs);
        await Compose(ime, " にほん");
        await hana.WaitForFunctionAsync("stem", "value => value === 'Ask にほん\\nAnswer'", "composing: Ian's text waits for the end");
        await ime.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = " 日本" });
        await hana.TypeAsync(" 😀");

        var text = await item.ConvergeAsync("stem", "the composition ended");
        Assert.Equal("Ask 日本 😀\nAnswer 🎉 yes", text);
    }

    [Fact]
    public async Task Text_with_carriage_returns_keeps_them_where_nobody_typed()
    {
        await using var item = await ItemEditors.OpenAsync(browser, fixture.Server, "one\r\ntwo\rthree\r\n", "Kai Crlf", "Lia Lf");
        var (kai, lia) = (item[0], item[1]);

        await kai.CaretToLineEndAsync("Stem", 0);
        await lia.CaretToLineEndAsync("Stem", 2);
        await Task.WhenAll(kai.TypeAsync(" 1 😀"), lia.TypeAsync(" 3 𝄞"));
        Assert.Equal("one 1 😀\r\ntwo\rthree 3 𝄞\r\n", await item.ConvergeAsync("stem", "typing beside carriage returns"));

        // Joining two lines deletes the whole "\r\n"; a new line is "\n".
        await lia.CaretToLineStartAsync("Stem", 1);
        await lia.PressAsync("Backspace");
        Assert.Equal("one 1 😀two\rthree 3 𝄞\r\n", await item.ConvergeAsync("stem", "deleting a line break"));
        await lia.PressAsync("Enter");
        await lia.TypeAsync("four ");
        Assert.Equal("one 1 😀\nfour two\rthree 3 𝄞\r\n", await item.ConvergeAsync("stem", "typing a line break"));
    }

    /// <summary>Sets what an input method is composing (not yet committed text), as Chromium's IME would.</summary>
    private static Task Compose(ICDPSession ime, string text) =>
        ime.SendAsync("Input.imeSetComposition", new Dictionary<string, object>
        {
            ["text"] = text, ["selectionStart"] = text.Length, ["selectionEnd"] = text.Length,
        });

    /// <summary>What one person does, in order: type key by key, press Backspace, paste.</summary>
    private static async Task Script(Editor editor, params Step[] steps)
    {
        foreach (var step in steps)
        {
            if (step.Backspaces > 0)
            {
                await editor.PressAsync("Backspace", step.Backspaces);
            }
            else if (step.Pasted)
            {
                await editor.Page.Keyboard.InsertTextAsync(step.Text); // one input event, as a paste makes
            }
            else
            {
                await editor.TypeAsync(step.Text);
            }
        }
    }

    private static Step Back(int times) => new(string.Empty, Backspaces: times);

    private static Step Paste(string text) => new(text, Pasted: true);

    private sealed record Step(string Text, int Backspaces = 0, bool Pasted = false)
    {
        public static implicit operator Step(string typed) => new(typed);
    }
}

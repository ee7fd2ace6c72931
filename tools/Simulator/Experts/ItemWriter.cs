using Quorum.Simulator.Planning;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Experts;

/// <summary>
/// An expert writing: creates the item with the first words of a traced window as its stem (or vignette) and
/// short trace snippets as options, then types on keystroke by keystroke into the main field and the rationale,
/// as character-level edits through the tab's editor (see <see cref="Keyboard"/>), while reviewers may be adding
/// to the same field. Every item is left complete (no required field blank), so it can leave Draft, and reported
/// ready for review; should a round lock its text first, the author stops editing it.
/// </summary>
public sealed class ItemWriter(HubSession hub, PanelContext panel, Random random, Pacing pacing, Keyboard keyboard)
{
    /// <summary>Non-blank characters typed before the item is created (the stem is required from the start).</summary>
    private const int SeedLength = 24;

    /// <summary>Windows tried for a usable opening before settling for a snippet.</summary>
    private const int MaxSeedAttempts = 5;

    public async Task WriteAsync(WritingJob job, CancellationToken cancellation)
    {
        var statementId = PickStatement();
        var first = await WriteItemAsync(job.Kind, statementId, scenarioId: null, cancellation).ConfigureAwait(false);
        if (first is not { } scenarioId)
        {
            return;
        }

        foreach (var kind in job.LinkedQuestions)
        {
            await pacing.PauseAsync(cancellation, 2).ConfigureAwait(false);

            // Most linked questions test the scenario's own statement; some reach into another one.
            var questionStatement = random.NextDouble() < 0.7 ? statementId : PickStatement();
            await WriteItemAsync(kind, questionStatement, scenarioId, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Writes one item; its id, or null when the server refused to create it.</summary>
    private async Task<Guid?> WriteItemAsync(ItemKind kind, string statementId, Guid? scenarioId, CancellationToken cancellation)
    {
        var isScenario = kind == ItemKind.Scenario;
        var mainField = isScenario ? FieldNames.Vignette : FieldNames.Stem;
        var targetLength = isScenario ? random.Next(500, 1600) : random.Next(100, 500);
        TraceTyping typing;
        var attempts = 0;
        do
        {
            // Some windows catch the author deleting, or wandering off to another part of the document before
            // a sentence is down; an expert starting an item would not, so such a window is passed over.
            typing = panel.Traces.StartTyping(random, targetLength, Keyboard.MaxOwnLength(mainField));
            while (!typing.Finished && NonBlank(typing.Text) < SeedLength)
            {
                typing.Step();
            }
        }
        while (NonBlank(typing.Text) < SeedLength && ++attempts < MaxSeedAttempts);

        var seed = FieldText.Clean(typing.Text, Limits.ForField(mainField));
        if (string.IsNullOrWhiteSpace(seed))
        {
            seed = panel.Traces.Snippet(random, 40, 160);
        }

        if (seed != typing.Text)
        {
            typing.Adopt(seed);
        }

        var draft = isScenario
            ? new ItemDraft(kind, statementId, null, [], [], null, seed, null)
            : new ItemDraft(kind, statementId, seed, Options(kind), Keys(kind), null, null, scenarioId);
        var created = await hub.CreateItemAsync(panel.PanelId, draft, cancellation).ConfigureAwait(false);
        if (!created.Ok)
        {
            return null;
        }

        panel.Counters.ItemCreated();
        var itemId = created.Value!.Summary.ItemId;

        // The editor page opens the item it shows, so the author hears of others' edits and comments.
        var opened = await hub.OpenItemAsync(itemId, cancellation).ConfigureAwait(false);
        if (!opened.Ok)
        {
            return itemId;
        }

        var view = opened.Value!;
        await pacing.PauseAsync(cancellation).ConfigureAwait(false);

        // The trace's author sometimes clears the whole stretch; the stem and the vignette are required, so an
        // expert who ends with nothing of their own there types a snippet.
        var typed = await keyboard.WriteAsync(itemId, view.TextField(mainField), typing, () => panel.Traces.Snippet(random, 40, 160), cancellation).ConfigureAwait(false);
        if (!isScenario && !typed.Locked)
        {
            // The rationale is required too before the item can leave Draft.
            var rationale = panel.Traces.StartTyping(random, random.Next(60, 300), Keyboard.MaxOwnLength(FieldNames.Rationale));
            typed = await keyboard.WriteAsync(itemId, view.TextField(FieldNames.Rationale), rationale, () => panel.Traces.Snippet(random, 40, 200), cancellation).ConfigureAwait(false);

            if (!typed.Locked && random.NextDouble() < panel.Habits.ChangeKeys)
            {
                // Second thoughts about the answer: the keys are revisioned as a whole.
                await hub.SetKeysAsync(itemId, view.KeysRevision, Keys(kind), cancellation).ConfigureAwait(false);
            }
        }

        await hub.LeaveItemAsync(itemId, cancellation).ConfigureAwait(false);
        if (!typed.Locked)
        {
            panel.Rounds.Ready(itemId, statementId, revised: false);
        }

        return itemId;
    }

    private string PickStatement() => panel.Statements[random.Next(panel.Statements.Count)].Id;

    private List<string> Options(ItemKind kind)
    {
        var count = kind == ItemKind.MultipleResponse ? 8 : 4;
        var options = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            options.Add(panel.Traces.Snippet(random, 12, 90));
        }

        return options;
    }

    private List<int> Keys(ItemKind kind) => Keys(random, kind);

    /// <summary>A key set for the kind: one of four options, or three of eight.</summary>
    public static List<int> Keys(Random random, ItemKind kind)
    {
        if (kind == ItemKind.SingleBestAnswer)
        {
            return [random.Next(4)];
        }

        var keys = new List<int>(3);
        while (keys.Count < 3)
        {
            var key = random.Next(8);
            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        keys.Sort();
        return keys;
    }

    private static int NonBlank(string text) => text.Count(c => !char.IsWhiteSpace(c));
}

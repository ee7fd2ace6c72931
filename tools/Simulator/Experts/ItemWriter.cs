using Quorum.Simulator.Planning;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Experts;

/// <summary>
/// An expert writing: creates the item with the first words of a traced window as its stem (or vignette) and
/// short trace snippets as options, then types on keystroke by keystroke, sending the whole field every few
/// keystrokes, as the editor's debounce would. Whole-field writes for now; character-level merging replaces them
/// later.
/// </summary>
public sealed class ItemWriter(HubSession hub, PanelContext panel, Random random, Pacing pacing, int keystrokesPerWrite)
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
            typing = panel.Traces.StartTyping(random, targetLength);
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

        // The editor page opens the item it shows, so the author hears of others' changes and comments.
        var opened = await hub.OpenItemAsync(itemId, cancellation).ConfigureAwait(false);
        var view = opened.Ok ? opened.Value! : created.Value;
        await pacing.PauseAsync(cancellation).ConfigureAwait(false);

        await TypeAsync(itemId, mainField, typing, Field(view, mainField), cancellation).ConfigureAwait(false);
        if (!isScenario)
        {
            var rationale = panel.Traces.StartTyping(random, random.Next(60, 300));
            var current = Field(view, FieldNames.Rationale);
            if (current.Text.Length > 0)
            {
                rationale.Adopt(current.Text);
            }

            await TypeAsync(itemId, FieldNames.Rationale, rationale, current, cancellation).ConfigureAwait(false);

            if (random.NextDouble() < panel.Habits.ChangeKeys)
            {
                // Second thoughts about the answer: the keys are revisioned like text.
                await hub.SetKeysAsync(itemId, view.KeysRevision, Keys(kind), cancellation).ConfigureAwait(false);
            }
        }

        if (opened.Ok)
        {
            await hub.LeaveItemAsync(itemId, cancellation).ConfigureAwait(false);
        }

        return itemId;
    }

    /// <summary>Types the rest of a window into a field; stops early only if the server refuses for a reason other than staleness.</summary>
    private async Task TypeAsync(Guid itemId, string field, TraceTyping typing, FieldState server, CancellationToken cancellation)
    {
        var limit = Limits.ForField(field);
        var required = field is FieldNames.Stem or FieldNames.Vignette;
        var revision = server.Revision;
        var sent = server.Text;
        var sinceWrite = 0;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var finished = typing.Finished;
            if (!finished)
            {
                if (typing.Step().IsNoop)
                {
                    continue;
                }

                sinceWrite++;
                if (sinceWrite < keystrokesPerWrite && !typing.Finished)
                {
                    continue;
                }
            }

            // The trace's author sometimes clears the whole stretch before retyping it; the stem and the vignette
            // are required, so a blank one is not sent (the next write carries the retyped text).
            var text = FieldText.Clean(typing.Text, limit);
            if (text != sent && !(required && string.IsNullOrWhiteSpace(text)))
            {
                var outcome = await hub.EditTextAsync(itemId, field, revision, text, cancellation).ConfigureAwait(false);
                if (outcome.Ok)
                {
                    panel.Counters.Edited();
                    revision = outcome.Value!.Revision;
                    sent = text;
                }
                else if (outcome.Error?.Code == ProblemCodes.Stale && outcome.Value is { } current)
                {
                    // Someone else wrote the field first: take their text and type on from it.
                    typing.Adopt(current.Text);
                    revision = current.Revision;
                    sent = current.Text;
                }
                else
                {
                    return;
                }

                await pacing.PauseAsync(cancellation).ConfigureAwait(false);
            }

            if (finished)
            {
                return;
            }

            sinceWrite = 0;
        }
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

    private List<int> Keys(ItemKind kind)
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

    /// <summary>A field as the item view shows it; a field the view leaves out is taken as empty at revision 0.</summary>
    private static FieldState Field(ItemView view, string field) =>
        view.Fields.FirstOrDefault(f => f.Field == field) ?? new FieldState(field, "", 0, null, null, null);

    private static int NonBlank(string text) => text.Count(c => !char.IsWhiteSpace(c));
}

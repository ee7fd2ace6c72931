using Quorum.Domain.Editing;
using Quorum.Simulator.Editing;
using Quorum.Simulator.Server;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Simulation;
using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Experts;

/// <summary>
/// An expert typing into a text field of an item they have open: the field opened in their tab, the keystrokes
/// of a trace window typed in bursts with a pause after each (the burst is the expert's habit), the tab closed
/// once every op is acknowledged and its text checked, and the field recorded for the run. When the server says the
/// item's text is locked the typing stops there; the caller sees it in <see cref="TypedField.Locked"/>.
/// </summary>
public sealed class Keyboard(HubSession hub, PanelContext panel, Guid personId, Pacing pacing, int keystrokesPerBurst)
{
    /// <summary>
    /// The most code points one person's own stretch of a field may hold: a quarter of the field's limit, so up to
    /// four people typing into one field at once stay within it together (nobody deletes another's text, so the
    /// field is the sum of their stretches).
    /// </summary>
    public static int MaxOwnLength(string field) => Limits.ForField(field) / 4;

    /// <summary>
    /// Types into the author's own field; whatever reviewers put in front of it stays in front. A required field
    /// (the stem, the vignette) is not left blank: when the author's own stretch ends up blank,
    /// <paramref name="whenBlank"/> is typed into it.
    /// </summary>
    public Task<TypedField> WriteAsync(Guid itemId, FieldState field, TraceTyping typing, Func<string>? whenBlank, CancellationToken cancellation) =>
        TypeAsync(itemId, field, typing, Side.Right, apart: false, whenBlank, cancellation);

    /// <summary>
    /// Adds a stretch after whatever the field holds, a space apart: an author revising their text after a round's
    /// feedback (what they typed before counts as others' text here, so it is kept).
    /// </summary>
    public Task<TypedField> AppendAsync(Guid itemId, FieldState field, TraceTyping typing, CancellationToken cancellation) =>
        TypeAsync(itemId, field, typing, Side.Right, apart: true, whenBlank: null, cancellation);

    /// <summary>
    /// Puts a stretch in front of whatever the field holds, a space apart (typed with the first keystroke), while
    /// its author may still be typing.
    /// In front, not after: authors mostly type at the end, and two people typing at one position interleave their
    /// keystrokes (as they would in any editor), while the space keeps the two apart.
    /// </summary>
    public Task<TypedField> PrefaceAsync(Guid itemId, FieldState field, TraceTyping typing, CancellationToken cancellation) =>
        TypeAsync(itemId, field, typing, Side.Left, apart: true, whenBlank: null, cancellation);

    /// <param name="apart">Keep the own stretch a space apart from others' text on <paramref name="side"/> (see <see cref="Typist"/>).</param>
    private async Task<TypedField> TypeAsync(
        Guid itemId, FieldState field, TraceTyping typing, Side side, bool apart, Func<string>? whenBlank, CancellationToken cancellation)
    {
        var editor = await FieldEditor.OpenAsync(hub, itemId, field, personId, panel.Counters, cancellation).ConfigureAwait(false);
        await using (editor.ConfigureAwait(false))
        {
            var shown = editor.Text;
            var neighbour = shown.Length == 0 ? ' ' : side == Side.Left ? shown[0] : shown[^1];
            var typist = new Typist(typing, shown, side, apart: apart && !char.IsWhiteSpace(neighbour) ? " " : null);

            var burst = 0;
            while (!typist.Finished && !editor.Failed && !editor.IsLocked)
            {
                cancellation.ThrowIfCancellationRequested();
                if (editor.Type(typist.Next).IsNoop)
                {
                    continue;
                }

                if (++burst >= keystrokesPerBurst)
                {
                    burst = 0;
                    await pacing.PauseAsync(cancellation).ConfigureAwait(false);
                }
            }

            if (whenBlank is not null && string.IsNullOrWhiteSpace(typist.Own) && !editor.IsLocked)
            {
                var words = whenBlank();
                editor.Type(text => typist.Append(text, words));
            }

            var typed = await editor.CloseAsync(cancellation).ConfigureAwait(false);
            panel.Fields.Record(typed);
            return typed;
        }
    }
}

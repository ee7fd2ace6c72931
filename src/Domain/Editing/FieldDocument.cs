namespace Quorum.Domain.Editing;

/// <summary>
/// The authority over one text field: the text at the latest revision and the most recent edits, so that an op
/// written against an older revision is transformed over what its sender had not seen before it is applied (the
/// ShareDB server model). A resend of an applied op is recognised by its tab and number among those edits: a tab
/// resends only ops it has not seen come back, so the first time such an op was applied is after its base.
/// Not thread-safe; the field grain calls it one message at a time.
/// </summary>
public sealed class FieldDocument
{
    /// <summary>Edits kept in memory for transforming late ops; a tab further behind must fetch the field afresh.</summary>
    public const int DefaultRetainedEdits = 1_000;

    private readonly TextBuffer text;
    private readonly int maxLength;
    private readonly AppliedEdit[] recent; // a ring: the newest edit is at (first + count - 1) % length
    private int first;
    private int count;

    /// <param name="text">The text at <paramref name="revision"/>.</param>
    /// <param name="maxLength">The most code points the text may hold.</param>
    /// <param name="history">Edits up to <paramref name="revision"/> that the text already holds, oldest first, ending at it.</param>
    public FieldDocument(string text, int revision, int maxLength, IEnumerable<AppliedEdit>? history = null, int retainedEdits = DefaultRetainedEdits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(retainedEdits);
        this.text = new TextBuffer(text);
        this.maxLength = maxLength;
        recent = new AppliedEdit[retainedEdits];
        Revision = revision;
        if (history is null)
        {
            return;
        }

        var kept = history.ToList();
        for (var i = 0; i < kept.Count; i++)
        {
            if (kept[i].Revision != revision - kept.Count + 1 + i)
            {
                throw new ArgumentException($"The history must be consecutive revisions ending at {revision}; edit {i} is revision {kept[i].Revision}.", nameof(history));
            }
        }

        foreach (var edit in kept.Skip(Math.Max(0, kept.Count - retainedEdits)))
        {
            Remember(edit);
        }
    }

    /// <summary>The number of edits applied so far (0 for a field never edited).</summary>
    public int Revision { get; private set; }

    /// <summary>The text at <see cref="Revision"/>.</summary>
    public string Text => text.ToString();

    /// <summary>Code points in the text.</summary>
    public int Length => text.Length;

    /// <summary>The oldest revision an op may be written against and still be transformed here.</summary>
    public int OldestBase => Revision - count;

    /// <summary>Transforms <paramref name="request"/>'s op over the edits since its base and applies it.</summary>
    public SubmitResult Submit(EditRequest request, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request.Op);
        var baseRevision = request.BaseRevision;
        if (baseRevision > Revision || baseRevision < 0)
        {
            return SubmitResult.Rejected($"The change was made on revision {baseRevision} of the text, which does not exist; the text is at revision {Revision}.");
        }

        if (baseRevision < OldestBase)
        {
            return SubmitResult.ResyncNeeded(OldestBase);
        }

        if (FirstControlCharacter(request.Op) is { } control)
        {
            return SubmitResult.Rejected($"The change inserts a control character (U+{control:X4}); text may hold line breaks and tabs but no other control characters.");
        }

        var op = request.Op;
        for (var revision = baseRevision + 1; revision <= Revision; revision++)
        {
            var other = At(revision);
            if (other.ClientSeq == request.ClientSeq && other.AuthorId == request.AuthorId && other.ClientId == request.ClientId)
            {
                return SubmitResult.Duplicate(revision);
            }

            op = TextOt.Transform(op, other.Op, Side.Left);
        }

        if (TextOt.Check(op, text.Length) is { } tooLong)
        {
            return SubmitResult.Rejected(tooLong);
        }

        var length = (long)text.Length + op.LengthChange;
        if (length > maxLength)
        {
            return SubmitResult.Rejected($"This text can be at most {maxLength:N0} characters; the change would make it {length:N0}.");
        }

        try
        {
            text.Apply(op);
        }
        catch (OpRejectedException e)
        {
            return SubmitResult.Rejected(e.Message);
        }

        var applied = new AppliedEdit(Revision + 1, op, request.AuthorId, request.ClientId, request.ClientSeq, at);
        Revision++;
        Remember(applied);
        return SubmitResult.Applied(applied);
    }

    /// <summary>Applies an edit read back from the journal, exactly as it was applied before.</summary>
    /// <exception cref="InvalidDataException">It is not the next revision, or it does not fit the text.</exception>
    public void Replay(AppliedEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit.Op);
        if (edit.Revision != Revision + 1)
        {
            throw new InvalidDataException($"The journal's next edit is revision {edit.Revision}, but the text is at revision {Revision}.");
        }

        try
        {
            text.Apply(edit.Op);
        }
        catch (OpRejectedException e)
        {
            throw new InvalidDataException($"The journal's revision {edit.Revision} does not fit the text it follows: {e.Message}", e);
        }

        Revision++;
        Remember(edit);
    }

    /// <summary>The edits after <paramref name="fromRevision"/>, oldest first; null when they are no longer all kept here.</summary>
    public IReadOnlyList<AppliedEdit>? EditsSince(int fromRevision)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromRevision, Revision);
        if (fromRevision < OldestBase)
        {
            return null;
        }

        var edits = new AppliedEdit[Revision - fromRevision];
        for (var i = 0; i < edits.Length; i++)
        {
            edits[i] = At(fromRevision + 1 + i);
        }

        return edits;
    }

    private AppliedEdit At(int revision) => recent[(first + count - (Revision - revision) - 1) % recent.Length];

    private void Remember(AppliedEdit edit)
    {
        if (count < recent.Length)
        {
            recent[(first + count) % recent.Length] = edit;
            count++;
        }
        else
        {
            recent[first] = edit;
            first = (first + 1) % recent.Length;
        }
    }

    private static int? FirstControlCharacter(TextOp op)
    {
        foreach (var c in op.Parts)
        {
            if (c.Kind == OpComponentKind.Insert)
            {
                foreach (var ch in c.Text!)
                {
                    if (char.IsControl(ch) && ch is not ('\n' or '\r' or '\t'))
                    {
                        return ch;
                    }
                }
            }
        }

        return null;
    }
}

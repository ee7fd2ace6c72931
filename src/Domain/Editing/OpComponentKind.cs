namespace Quorum.Domain.Editing;

/// <summary>What one component of a <see cref="TextOp"/> does at its place in the document.</summary>
public enum OpComponentKind
{
    /// <summary>Keeps (skips over) a number of code points.</summary>
    Retain,

    /// <summary>Inserts text.</summary>
    Insert,

    /// <summary>Removes a number of code points, optionally carrying the text it removes.</summary>
    Delete,
}

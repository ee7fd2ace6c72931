namespace Quorum.Domain.Editing;

/// <summary>
/// Which of two concurrent ops wins a tie when both insert at the same place: the op transformed on the
/// <see cref="Left"/> side keeps its insert first.
/// </summary>
public enum Side
{
    Left,
    Right,
}

namespace Quorum.Domain.Editing;

/// <summary>An op does not fit the document it was applied to; the message can be shown to the person who sent it.</summary>
public sealed class OpRejectedException : Exception
{
    public OpRejectedException()
        : base("The change does not fit the text.")
    {
    }

    public OpRejectedException(string message)
        : base(message)
    {
    }

    public OpRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

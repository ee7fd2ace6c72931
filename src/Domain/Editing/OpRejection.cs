namespace Quorum.Domain.Editing;

/// <summary>The words for why an op does not fit a document, shared so every place that applies ops says the same.</summary>
internal static class OpRejection
{
    private const int PreviewLength = 40;

    public static string TooLong(int needed, int length) =>
        $"The change needs a text of at least {needed} characters, but the text has {length}; it was probably made on another version of the text.";

    public static string DeleteMismatch(int position, string expected, string found) =>
        $"The change deletes \"{Preview(expected)}\" at character {position}, but the text there is \"{Preview(found)}\"; it was probably made on another version of the text.";

    private static string Preview(string text)
    {
        if (CodePoints.Count(text) <= PreviewLength)
        {
            return text;
        }

        return CodePoints.Slice(text, 0, PreviewLength - 1) + "…";
    }
}

using Quorum.Contracts.Common;
using Quorum.Domain.Items;

namespace Quorum.Web.Hubs;

/// <summary>Checks on what a browser sends with an edit or a cursor, before any grain is asked.</summary>
internal static class EditInput
{
    /// <summary>A tab's id: the browser makes a random one; it only needs to be short and plain.</summary>
    public const int ClientIdLength = 64;

    public static Problem? CheckField(string? field) =>
        ItemFields.IsTextField(field) ? null : Problem.Invalid("field", $"'{Truncate(field)}' is not a text field of an item.");

    public static Problem? CheckClient(string? clientId, long? clientSeq = null)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > ClientIdLength ||
            !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return Problem.Invalid("clientId", $"The client id must be 1 to {ClientIdLength} letters, digits, '-' or '_'.");
        }

        return clientSeq is < 1
            ? Problem.Invalid("clientSeq", "The sequence number must be 1 or more.")
            : null;
    }

    public static Problem? CheckRevision(int revision) =>
        revision < 0 ? Problem.Invalid("revision", "A revision is 0 or more.") : null;

    private static string Truncate(string? text) => text is null ? string.Empty : text.Length <= 40 ? text : text[..40] + "…";
}

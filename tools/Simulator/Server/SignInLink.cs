namespace Quorum.Simulator.Server;

/// <summary>
/// A personal sign-in link, <c>https://host/join#&lt;token&gt;</c>. The token lives in the fragment so that it
/// never reaches logs; the simulator, like the join page, reads it from there and posts it.
/// </summary>
public static class SignInLink
{
    /// <summary>The token of a link; a bare token (no '#') is accepted as it is.</summary>
    public static string Token(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var token = hash < 0 ? link : link[(hash + 1)..];
        token = Uri.UnescapeDataString(token.Trim());
        if (token.Length == 0)
        {
            throw new FormatException($"The sign-in link '{Redact(link)}' has no token after '#'.");
        }

        return token;
    }

    /// <summary>The link with its token hidden, for messages.</summary>
    public static string Redact(string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? "<token>" : link[..(hash + 1)] + "<token>";
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Quorum.Contracts.Experts;

/// <summary>
/// Sign-in tokens: 256 random bits, URL-safe. Only the SHA-256 of a token is ever stored, so a copy of the
/// database cannot be used to sign in. A plain hash suffices because the token has full entropy.
/// </summary>
public static class InviteTokens
{
    public const int MaxTokenLength = 64;

    public static (string Token, string Hash) New()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    /// <summary>The storage key for a token, or null when the text cannot be a token (so nothing is looked up).</summary>
    public static string? HashIfWellFormed(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength ||
            !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        return Hash(token);
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

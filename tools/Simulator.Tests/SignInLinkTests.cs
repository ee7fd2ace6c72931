using Quorum.Simulator.Server;

namespace Quorum.Simulator.Tests;

/// <summary>The token of a sign-in link is read from its fragment, as the join page reads it.</summary>
public sealed class SignInLinkTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000/join#abc-DEF_123", "abc-DEF_123")]
    [InlineData("https://quorum.example/join#a%2Bb", "a+b")]
    [InlineData("abc123", "abc123")]
    public void Token_is_the_fragment(string link, string token) => Assert.Equal(token, SignInLink.Token(link));

    [Fact]
    public void Link_without_a_token_is_refused_without_echoing_it()
    {
        var e = Assert.Throws<FormatException>(() => SignInLink.Token("http://host/join#"));

        Assert.Equal("The sign-in link 'http://host/join#<token>' has no token after '#'.", e.Message);
    }
}

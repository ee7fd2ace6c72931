using Quorum.Domain.Editing;

namespace Quorum.Domain.Tests.Editing;

/// <summary>An op from a browser is read only when it is well formed; otherwise the reason says what is wrong and where.</summary>
public sealed class TextOpJsonTests
{
    [Theory]
    [InlineData("{\"d\":1}", "must be a JSON array")]
    [InlineData("[-3,\"x\"]", "Component 1 of 2: A retain must be a positive whole number")]
    [InlineData("[0]", "A retain must be a positive whole number of characters, not 0")]
    [InlineData("[1.5]", "whole number")]
    [InlineData("[1e12]", "can be at most 2,147,483,647")]
    [InlineData("[{\"d\":-2}]", "A deletion's count must be a positive whole number")]
    [InlineData("[{\"d\":2,\"x\":1}]", "has no other property")]
    [InlineData("[{\"x\":1}]", "has no other property")]
    [InlineData("[true]", "not true or false")]
    [InlineData("[\"\"]", "An insert must not be empty")]
    [InlineData("[\"\\uD83D\"]", "lone surrogate")]
    [InlineData("[{\"d\":\"\\uDE05x\"}]", "lone surrogate")]
    [InlineData("[2147483647,2147483647,\"x\"]", "too long")]
    [InlineData("not json", "not valid JSON")]
    public void A_malformed_op_is_refused_with_its_reason(string json, string reason)
    {
        Assert.False(TextOpJson.TryParse(json, out var op, out var error));
        Assert.Null(op);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_op_with_too_many_components_is_refused()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("1,\"x\"", TextOpJson.MaxComponents / 2 + 1)) + "]";

        Assert.False(TextOpJson.TryParse(json, out _, out var error));
        Assert.Contains("at most 10,000 components", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[3,2,\"a\",\"b\",{\"d\":1},{\"d\":2},4]", "[5,\"ab\",{\"d\":3}]")]
    [InlineData("[{\"d\":\"😅\"},{\"d\":\"x\"}]", "[{\"d\":\"😅x\"}]")]
    [InlineData("[{\"d\":\"😅\"},{\"d\":1}]", "[{\"d\":2}]")]
    [InlineData("[]", "[]")]
    public void Reading_normalises_as_the_npm_package_does(string json, string normalised)
    {
        Assert.True(TextOpJson.TryParse(json, out var op, out var error), error);
        Assert.Equal(normalised, System.Text.RegularExpressions.Regex.Unescape(op.ToString()));
    }
}

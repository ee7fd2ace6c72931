using Quorum.Simulator.Traces;

namespace Quorum.Simulator.Tests;

/// <summary>Text sent to the server holds no control characters but line breaks and tabs, and fits its limit without splitting a character.</summary>
public sealed class FieldTextTests
{
    [Fact]
    public void Control_characters_other_than_line_breaks_and_tabs_are_stripped()
    {
        Assert.Equal("a\nb\r\nc\td", FieldText.Clean("a\u0000\nb\r\n\u0007c\t\u007Fd\u009B", 100));
    }

    [Fact]
    public void Cut_to_the_limit_never_splits_a_surrogate_pair()
    {
        Assert.Equal("abc", FieldText.Clean("abc😀", 4));
        Assert.Equal("abc😀", FieldText.Clean("abc😀d", 5));
    }

    [Fact]
    public void Limit_counts_characters_kept_after_stripping()
    {
        Assert.Equal("abcd", FieldText.Clean("\u0001a\u0002b\u0003c\u0004d\u0005e", 4));
    }

    [Fact]
    public void One_line_collapses_whitespace_and_trims()
    {
        Assert.Equal("Clowny Wowny ===", FieldText.OneLine("  Clowny\n  Wowny\t\n===\n", 100));
    }
}

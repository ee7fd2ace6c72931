using System.Globalization;

namespace Quorum.Domain.Consensus;

/// <summary>
/// How peers see an expert in a pseudonymous panel: the group and a number that never changes ("Academic 7").
/// Numbers count up per group in the order experts join, so they say nothing about who someone is.
/// </summary>
public static class Pseudonyms
{
    public static string Of(string group, int number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return $"{group} {number.ToString(CultureInfo.InvariantCulture)}";
    }
}

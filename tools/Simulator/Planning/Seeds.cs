namespace Quorum.Simulator.Planning;

/// <summary>
/// Independent random streams from one seed: the plan, each expert, the facilitator. HashCode is randomised per
/// process, so the mixing is done here (SplitMix64's finaliser) to keep runs repeatable.
/// </summary>
public static class Seeds
{
    public const int PlanStream = -1;
    public const int FacilitatorStream = -2;

    public static int For(int seed, int stream)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ (uint)stream) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}

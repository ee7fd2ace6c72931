namespace Quorum.Contracts.Common;

/// <summary>
/// Grain references for the hot paths. Orleans 10.4's <c>IGrainFactory.GetGrain&lt;T&gt;(key)</c> resolves the
/// interface's id from its attributes by reflection on every call (measured: about a tenth of the server's CPU under
/// `bench ratings`, where one rating makes four such calls). The grain type and interface ids are fixed per
/// interface, so they are resolved once, by an ordinary <c>GetGrain</c>, and each reference is built from them.
/// </summary>
public static class GrainReferences
{
    public static T Reference<T>(this IGrainFactory grains, Guid key)
        where T : IGrainWithGuidKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        var ids = GuidKeyed<T>.Ids ??= new Ids((GrainReference)(object)grains.GetGrain<T>(Guid.Empty));
        return (T)grains.GetGrain(GrainId.Create(ids.Type, GrainIdKeyExtensions.CreateGuidKey(key)), ids.Interface);
    }

    public static T Reference<T>(this IGrainFactory grains, long key)
        where T : IGrainWithIntegerKey
    {
        ArgumentNullException.ThrowIfNull(grains);
        var ids = IntegerKeyed<T>.Ids ??= new Ids((GrainReference)(object)grains.GetGrain<T>(0));
        return (T)grains.GetGrain(GrainId.Create(ids.Type, GrainIdKeyExtensions.CreateIntegerKey(key)), ids.Interface);
    }

    /// <summary>A grain interface's ids, taken from a reference to it (one object, so a racing first use is harmless).</summary>
    private sealed class Ids(GrainReference sample)
    {
        public GrainType Type { get; } = sample.GrainId.Type;

        public GrainInterfaceType Interface { get; } = sample.InterfaceType;
    }

    // The ids depend on the interface and its attributes only, not on the silo or client asking.
    private static class GuidKeyed<T>
    {
        public static Ids? Ids;
    }

    private static class IntegerKeyed<T>
    {
        public static Ids? Ids;
    }
}

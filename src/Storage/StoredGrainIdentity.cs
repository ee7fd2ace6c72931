using Orleans.Runtime;

namespace Quorum.Storage;

/// <summary>
/// How a grain state is named in the database: a state type string that includes the grain type, and a
/// grain key the ADO.NET provider stores verbatim.
/// </summary>
/// <remarks>
/// Left alone, Orleans' ADO.NET provider identifies a state by the state name and the grain key only, so two
/// grain types with the same key and state name share one row (dotnet/orleans#8746); and it reinterprets keys
/// that parse as hexadecimal numbers or Guids, so "020235" and "20235", or "ABC" and "abc", share one row
/// (dotnet/orleans#9706). Both would mix states of different grains.
/// </remarks>
internal static class StoredGrainIdentity
{
    // Neither a hex digit nor part of Guid text, so the provider's number and Guid parsers reject the key and
    // it is stored whole, as the provider's string-key column.
    private const string KeyMarker = "=";

    /// <summary>"&lt;grain type&gt;/&lt;state name&gt;", e.g. "item/state".</summary>
    public static string StateType(string stateName, GrainId grainId) => $"{grainId.Type}/{stateName}";

    /// <summary>The same grain with its key marked so that the provider keeps it as an opaque string.</summary>
    public static GrainId OpaqueKey(GrainId grainId) => GrainId.Create(grainId.Type, StoredKey(grainId));

    /// <summary>The key text as it lands in the database.</summary>
    public static string StoredKey(GrainId grainId) => KeyMarker + grainId.Key.ToString();
}

using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Quorum.Contracts.Common;

/// <summary>
/// The domain library stays free of Orleans, so its records and enums cross grain boundaries as JSON.
/// Silo and client both call this.
/// </summary>
public static class QuorumSerialization
{
    public static ISerializerBuilder AddQuorumDomainTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: type => type.Namespace?.StartsWith("Quorum.Domain", StringComparison.Ordinal) == true);
}

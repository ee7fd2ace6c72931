using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Quorum.Contracts.Common;

namespace Quorum.Grains;

/// <summary>What every silo hosting Quorum's grains needs, whatever its storage and clustering.</summary>
public static class GrainHosting
{
    public static ISiloBuilder AddQuorumGrains(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSerializer(s => s.AddQuorumDomainTypes());
        return silo;
    }
}

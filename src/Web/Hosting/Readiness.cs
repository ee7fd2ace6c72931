using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quorum.Contracts.Experts;
using Quorum.Storage;

namespace Quorum.Web.Hosting;

/// <summary>Ready means grains answer and the database accepts a query.</summary>
public sealed class Readiness(IGrainFactory grains, IDatabaseProbe database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IExpertGrain>(Guid.Empty).GetProfile().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Grains do not answer.", e);
        }

        return await database.IsReadyAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}

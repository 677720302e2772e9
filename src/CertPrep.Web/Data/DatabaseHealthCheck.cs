using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertPrep.Web.Data;

internal sealed class DatabaseHealthCheck(CertPrepDbContext db, DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{settings.Provider} reachable")
                : HealthCheckResult.Unhealthy($"{settings.Provider} unreachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{settings.Provider} unreachable", ex);
        }
    }
}

using CertPrep.Web.Jobs;
using Microsoft.AspNetCore.Hosting;

[assembly: HostingStartup(typeof(CertPrep.Web.Tests.Jobs.ClusterTestJobs))]

namespace CertPrep.Web.Tests.Jobs;

/// <summary>
/// Test jobs loaded into a real site process (see <see cref="Infrastructure.AppProcess.StartInfo"/>): a job that fires
/// every two seconds and a slow one an administrator starts with "Run now". They leave signal files in the folder
/// named by <see cref="SignalsVariable"/> so a test can tell which process runs them. Only loaded when the process is
/// started with the tests' assembly as a hosting startup; the in-process test hosts never see them.
/// </summary>
public sealed class ClusterTestJobs : IHostingStartup
{
    public const string SignalsVariable = "CERTPREP_TEST_SIGNALS";

    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.AddRecurringJob<ClusterTickJob>(ClusterTickJob.Name, "0/2 * * * * ?", "Test: fires every two seconds");
        services.AddRecurringJob<ClusterSlowJob>(ClusterSlowJob.Name, "0 0 0 1 1 ? 2099", "Test: runs for a while when started by hand");
    });

    internal static void Signal(string name) =>
        File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable(SignalsVariable)!, $"{name}-{Environment.ProcessId}"), "");
}

/// <summary>Does a little work at each fire time; the job history shows where and when it ran.</summary>
public sealed class ClusterTickJob : IBackgroundJob
{
    public const string Name = "test-cluster-tick";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
}

/// <summary>Says it started, works for eight seconds, says it finished.</summary>
public sealed class ClusterSlowJob : IBackgroundJob
{
    public const string Name = "test-cluster-slow";

    public async Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken)
    {
        ClusterTestJobs.Signal("slow-started");
        await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
        ClusterTestJobs.Signal("slow-finished");
    }
}

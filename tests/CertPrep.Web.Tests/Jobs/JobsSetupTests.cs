using CertPrep.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Jobs;

public sealed class JobsSetupTests
{
    [Fact]
    public void AddRecurringJob_RefusesInvalidCron_AtStartUp()
    {
        var error = Should.Throw<ArgumentException>(() => new ServiceCollection().AddRecurringJob<RecordingJob>("bad", "every day at noon", "x"));
        error.Message.ShouldContain("'every day at noon' is not a valid Quartz cron expression for job 'bad'");
    }

    [Fact]
    public void Catalog_FindsJobsByNameAndType()
    {
        var services = new ServiceCollection()
            .AddBackgroundJob<RecordingJob>(RecordingJob.Name, "records")
            .AddRecurringJob<BrokenJob>(BrokenJob.Name, "0 0 4 * * ?", "breaks");
        var catalog = new JobCatalog(services.BuildServiceProvider().GetServices<JobRegistration>());

        catalog.For<RecordingJob>().Name.ShouldBe(RecordingJob.Name);
        catalog.Find(BrokenJob.Name)!.IsRecurring.ShouldBeTrue();
        catalog.Find("missing").ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => catalog.For<FlakyJob>()).Message.ShouldContain("not registered");
    }
}

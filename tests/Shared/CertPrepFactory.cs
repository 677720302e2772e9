using CertPrep.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Tests.Shared;

/// <summary>
/// The real application (Program) on a real database, in Production mode so users see what production shows.
/// Each factory gets its own data directory, content folder and scheduler name, so factories can run side by side.
/// </summary>
public sealed class CertPrepFactory(
    TestDatabase database,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    string? schedulerName = null) : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("certprep-data-").FullName;

    public TestDatabase Database => database;

    /// <summary>The content folder this instance reads; tests may write files into it.</summary>
    public string ContentDirectory { get; } = Directory.CreateTempSubdirectory("certprep-content-").FullName;

    public string SchedulerName { get; } = schedulerName ?? $"test-{Guid.NewGuid():N}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", database.ProviderName);
        builder.UseSetting("ConnectionStrings:CertPrep", database.ConnectionString);
        builder.UseSetting("CertPrep:DataDirectory", _dataDirectory);
        builder.UseSetting("Content:Path", ContentDirectory);
        builder.UseSetting("Jobs:SchedulerName", SchedulerName);
        builder.UseSetting("Jobs:RetryInitialDelay", "00:00:01");
        builder.UseSetting("Jobs:RetryMaxDelay", "00:00:02");
        builder.UseSetting("Jobs:RetryAttempts", "2");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Quartz", "Warning");
        // Tests make jobs fail on purpose and assert the recorded failures; their stack traces would only bury real output.
        builder.UseSetting("Logging:LogLevel:Quartz.Core.JobRunShell", "None");
        builder.UseSetting("Logging:LogLevel:CertPrep.Web.Jobs.QuartzJobRunner", "Error");
        // Every test client signs in from the same (absent) address and answers as fast as it can: the rate limits are
        // off unless a test sets them (RateLimitTests does).
        builder.UseSetting("RateLimits:SignInPerMinute", "0");
        builder.UseSetting("RateLimits:AnswersPerMinute", "0");
        builder.UseSetting("RateLimits:CalendarFeedPerHour", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>Creates an account directly (no browser), with the given roles on top of Learner.</summary>
    public async Task<ApplicationUser> CreateUserAsync(string email, string password, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, CreatedUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) };
        var result = await users.CreateAsync(user, password);
        result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Description)));
        foreach (var role in roles.Prepend(Roles.Learner).Distinct())
        {
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        }

        return user;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TryDelete(_dataDirectory);
        TryDelete(ContentDirectory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: temp folders are cleaned by the OS otherwise.
        }
    }
}

using CertPrep.Web.Accounts;
using CertPrep.Web.Attempts;
using CertPrep.Web.Authoring;
using CertPrep.Web.Data;
using CertPrep.Web.Hosting;
using CertPrep.Web.Jobs;
using CertPrep.Web.Library;
using CertPrep.Web.Planning;
using CertPrep.Web.Reviews;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

WebApplication app;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddSingleton(TimeProvider.System);
    var database = builder.AddCertPrepDatabase();
    builder.Services.AddHostedService<StartupTasks>(); // first: every other hosted service starts after it
    builder.AddCertPrepDataProtection();
    builder.AddCertPrepAccounts();
    builder.AddCertPrepJobs(database);
    builder.AddCertPrepContent();
    builder.AddCertPrepLibrary();
    builder.AddCertPrepAttempts();
    builder.AddCertPrepReviews();
    builder.AddCertPrepPlanning();
    builder.AddCertPrepRateLimits();
    builder.AddCertPrepForwardedHeaders();
    builder.Services.AddRazorPages(o =>
    {
        o.Conventions.AuthorizeFolder("/Author", Policies.Author);
        o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
    });
    builder.Services.AddAntiforgery(o =>
    {
        o.Cookie.Name = "certprep.af";
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure over HTTPS (directly or through a known proxy)
    });
    builder.Services.LoadKeyRingOnFirstUse();
    app = builder.Build();
}
catch (StartupConfigurationException ex)
{
    // Before logging exists: one readable line naming the setting, no stack trace.
    await Console.Error.WriteLineAsync($"CertPrep cannot start: {ex.Message}");
    return StartupTasks.ExitCodeStartupFailed;
}

if (args.Contains(ImportContentCommand.Verb))
{
    return await ImportContentCommand.RunAsync(app, Console.Out);
}

app.UseForwardedHeaders(); // first: everything after sees the client's address and scheme

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    // A database that cannot be used right now is 503 (with Retry-After, set by the page), not a 500: see DatabaseErrors.
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/Error",
        StatusCodeSelector = ex => DatabaseErrors.IsUnavailable(ex) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
    });
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/Status/{0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseAuthentication();
app.UseContentFiles(); // before routing: static files are skipped once an endpoint (the 404 fallback) is matched
app.UseRouting();
app.UseAuthorization();
app.UseRateLimiter(); // after authorization, so answer limits are per learner
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
// Liveness for load balancers and orchestrators: the process answers; no database round trip (that is /health).
app.MapGet("/health/live", () => "Healthy").AllowAnonymous();
app.MapRazorPages();
app.MapCertPrepCalendarFeed();
// No page at this address: a plain 404 (rendered by the status page), not a sign-in redirect.
app.MapFallback("{*path}", context =>
{
    context.Response.StatusCode = StatusCodes.Status404NotFound;
    return Task.CompletedTask;
}).AllowAnonymous();

await app.RunAsync();
return Environment.ExitCode;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

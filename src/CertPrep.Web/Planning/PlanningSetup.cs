using CertPrep.Web.Jobs;

namespace CertPrep.Web.Planning;

public static class PlanningSetup
{
    /// <summary>Study plans: planning services, the re-plan jobs and the private calendar feed.</summary>
    public static void AddCertPrepPlanning(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PlanInputs>();
        builder.Services.AddScoped<PlanService>();
        builder.Services.AddScoped<StudyActivity>();
        builder.Services.AddScoped<PlanViews>();
        builder.Services.AddScoped<CalendarFeeds>();
        builder.Services.AddScoped<PlanSettings>();
        // Hourly, after the review days (minute 5) and the nightly snapshots: each learner's new day is planned soon after it starts.
        builder.Services.AddRecurringJob<ReplanStudyPlansJob>(ReplanStudyPlansJob.Name, "0 20 * * * ?", "Re-plans every study plan made before the learner's today (once per learner day)");
        builder.Services.AddBackgroundJob<ReplanAfterMockJob>(ReplanAfterMockJob.Name, "Re-plans a learner's study plan after a mock exam");
    }

    /// <summary>The private calendar feed: <c>/calendar/{token}.ics</c>, readable without signing in by whoever has the token.</summary>
    public static void MapCertPrepCalendarFeed(this WebApplication app)
    {
        app.MapGet("/calendar/{token}.ics", async (string token, CalendarFeeds feeds, HttpContext http, CancellationToken ct) =>
        {
            if (await feeds.UserOfAsync(token, ct) is not { } userId)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "private, max-age=900";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            var text = await feeds.CalendarAsync(userId, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", ct);
            return Results.Text(text, "text/calendar; charset=utf-8");
        }).AllowAnonymous().RequireRateLimiting(Hosting.RateLimits.CalendarFeed);
    }
}

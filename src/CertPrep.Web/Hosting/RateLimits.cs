using System.Globalization;
using System.Threading.RateLimiting;
using CertPrep.Web.Accounts;

namespace CertPrep.Web.Hosting;

/// <summary>Request limits (configuration section <c>RateLimits</c>); 0 turns a limit off.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and registration attempts per client address per minute (on top of Identity's lockout per account).</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Answer, save and review posts per learner per minute (a person answers far fewer).</summary>
    public int AnswersPerMinute { get; set; } = 120;

    /// <summary>Calendar-feed reads per feed address per hour (calendars poll every few hours).</summary>
    public int CalendarFeedPerHour { get; set; } = 60;
}

/// <summary>
/// The site's rate limits, with ASP.NET Core's limiter: per client address on sign-in and registration posts, per
/// learner on answer posts, per address on the calendar feed. A refused request gets 429 with Retry-After and the
/// friendly status page. Limits are per node (several nodes multiply them), which is enough to stop a script.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Answers = "answers";
    public const string CalendarFeed = "calendar-feed";

    public static void AddCertPrepRateLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask; // the status-code page explains it
            };
            limiter.AddPolicy(SignIn, http => Posts(http)
                ? Window($"sign-in:{http.Connection.RemoteIpAddress}", options.SignInPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter("none"));
            limiter.AddPolicy(Answers, http => Posts(http)
                ? Window($"answers:{(http.User.Identity?.IsAuthenticated == true ? http.User.UserId() : http.Connection.RemoteIpAddress?.ToString())}", options.AnswersPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter("none"));
            limiter.AddPolicy(CalendarFeed, http =>
                Window($"feed:{http.Connection.RemoteIpAddress}:{http.Request.RouteValues["token"]}", options.CalendarFeedPerHour, TimeSpan.FromHours(1)));
        });
    }

    private static bool Posts(HttpContext http) => HttpMethods.IsPost(http.Request.Method);

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        permits <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}

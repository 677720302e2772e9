using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CertPrep.Domain.Planning;
using CertPrep.Web.Data;
using CertPrep.Web.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Planning;

/// <summary>
/// The learner's study plan as an iCalendar (RFC 5545) feed: a private URL with a random token, which the learner can
/// replace or revoke, and the same calendar as a one-off download. Each day's tasks are events one after another from
/// the learner's study time, in their time zone; the last two weeks stay in the feed as they were planned.
/// </summary>
public sealed class CalendarFeeds(CertPrepDbContext db, PlanService plans, TimeProvider time)
{
    /// <summary>Past days kept in the feed.</summary>
    public const int PastDays = 14;

    /// <summary>The study time of day when the learner has not set one.</summary>
    public static readonly TimeOnly DefaultStart = new(19, 0);

    public async Task<string?> TokenAsync(string userId, CancellationToken ct) =>
        await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId).Select(f => f.Token).SingleOrDefaultAsync(ct);

    /// <summary>Creates the feed, or replaces its token (the old URL stops working at once).</summary>
    public async Task<string> ReplaceAsync(string userId, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        db.CalendarFeeds.Add(new CalendarFeed { UserId = userId, Token = token, CreatedUtc = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task RevokeAsync(string userId, CancellationToken ct) =>
        await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>The learner a token belongs to; null for an unknown or revoked token.</summary>
    public async Task<string?> UserOfAsync(string token, CancellationToken ct) =>
        string.IsNullOrEmpty(token) || token.Length > 64 ? null : await db.CalendarFeeds.AsNoTracking().Where(f => f.Token == token).Select(f => f.UserId).SingleOrDefaultAsync(ct);

    /// <summary>The calendar text of every enrolment's plan; links point under <paramref name="siteUrl"/>.</summary>
    public async Task<string> CalendarAsync(string userId, string siteUrl, CancellationToken ct)
    {
        var schedule = await LearnerSchedule.LoadAsync(db, userId, ct);
        var today = DateOnly.FromDayNumber(schedule.Calendar.DayOf(time.GetUtcNow()));
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId).ToListAsync(ct);
        var names = await db.Credentials.AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, StringComparer.Ordinal, ct);
        var owner = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16].ToLowerInvariant();
        var events = new List<CalendarEvent>();
        foreach (var enrolment in enrolments.Where(e => names.ContainsKey(e.CredentialId)))
        {
            if (await plans.CurrentAsync(userId, enrolment.CredentialId, ct) is not { } stored)
            {
                continue;
            }

            var since = today.AddDays(-PastDays);
            var past = (await db.StudyPlanDays.AsNoTracking().Where(d => d.UserId == userId && d.CredentialId == enrolment.CredentialId && d.Date >= since && d.Date < today).ToListAsync(ct))
                .Select(d => (d.Date, Tasks: (IReadOnlyList<PlanTask>)(JsonSerializer.Deserialize<List<PlanTask>>(d.TasksJson) ?? [])));
            var days = past.Concat(stored.Plan.Days.Where(d => d.Date >= today).Select(d => (d.Date, d.Tasks)));
            var start = enrolment.StudyStartMinutes is { } m ? TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Clamp(m, 0, (24 * 60) - 1))) : DefaultStart;
            var credential = names[enrolment.CredentialId];
            foreach (var (date, tasks) in days)
            {
                var at = start;
                foreach (var task in tasks)
                {
                    events.Add(new CalendarEvent(
                        $"{owner}.{enrolment.CredentialId}.{date:yyyyMMdd}.{task.Id}@certprep",
                        date,
                        at,
                        task.Minutes,
                        $"{task.Title} ({credential})",
                        $"{task.Minutes} minutes, {PhaseName(task.Phase)} phase of your {credential} study plan. Open Today in CertPrep to start it.",
                        $"{siteUrl.TrimEnd('/')}/Today"));
                    at = at.AddMinutes(task.Minutes);
                }
            }
        }

        return ICalendar.Write("CertPrep study plan", schedule.Calendar.TimeZone, [.. events.OrderBy(e => e.Date).ThenBy(e => e.Start)], time.GetUtcNow());
    }

    public static string PhaseName(PlanPhase phase) => phase switch
    {
        PlanPhase.Learn => "learn",
        PlanPhase.Consolidate => "consolidate",
        PlanPhase.FinalReview => "final review",
        _ => phase.ToString(),
    };
}

using CertPrep.Domain.Planning;
using CertPrep.Domain.Scheduling;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using CertPrep.Web.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Planning;

/// <summary>Minutes studied per day and the days with any study, in the learner's own dates.</summary>
public sealed record StudyLog(IReadOnlyDictionary<DateOnly, int> Minutes, IReadOnlySet<DateOnly> Studied);

/// <summary>
/// What a learner did for one credential, read from the records the rest of the site keeps: answers with their time
/// (practice and mock exams), review sessions, and modules marked read (their reading time). Nothing is ticked by hand.
/// </summary>
public sealed class StudyActivity(CertPrepDbContext db, ReviewQueue reviews, TimeProvider time)
{
    /// <summary>Study per learner date from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public async Task<StudyLog> LogAsync(string userId, string credentialId, StudyCalendar calendar, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = calendar.StartOf(from.DayNumber).UtcDateTime;
        var end = calendar.StartOf(to.DayNumber + 1).UtcDateTime;
        var answers = await db.AttemptItems.AsNoTracking()
            .Where(i => i.AnsweredUtc >= start && i.AnsweredUtc < end)
            .Join(db.Attempts.Where(a => a.UserId == userId && a.CredentialId == credentialId), i => i.AttemptId, a => a.Id, (i, a) => new { At = i.AnsweredUtc!.Value, Ms = i.TimeSpentMs })
            .ToListAsync(ct);
        var sessions = await db.ReviewLogs.AsNoTracking()
            .Where(l => l.UserId == userId && l.Source == ReviewSource.Review && l.ReviewedUtc >= start && l.ReviewedUtc < end)
            .Join(db.ReviewCards.Where(c => c.CredentialId == credentialId), l => l.CardId, c => c.Id, (l, c) => new { At = l.ReviewedUtc, Ms = l.TimeMs ?? 0 })
            .ToListAsync(ct);
        var reads = await db.ModuleReads.AsNoTracking()
            .Where(r => r.UserId == userId && r.ReadUtc >= start && r.ReadUtc < end)
            .Join(db.Modules.Where(m => m.CredentialId == credentialId), r => r.ModuleId, m => m.Id, (r, m) => new { At = r.ReadUtc, Ms = m.ReadingMinutes * 60000 })
            .ToListAsync(ct);
        var ms = new Dictionary<DateOnly, long>();
        foreach (var (at, spent) in answers.Select(a => (a.At, a.Ms)).Concat(sessions.Select(s => (s.At, s.Ms))).Concat(reads.Select(r => (r.At, r.Ms))))
        {
            var day = DateOnly.FromDayNumber(calendar.DayOf(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))));
            ms[day] = ms.GetValueOrDefault(day) + Math.Max(0, spent);
        }

        return new StudyLog(ms.ToDictionary(p => p.Key, p => (int)Math.Round(p.Value / 60000.0)), ms.Keys.ToHashSet());
    }

    /// <summary>Today's activity for ticking the day's tasks off.</summary>
    public async Task<DayActivity> TodayAsync(string userId, string credentialId, StudyCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var start = calendar.StartOf(today.DayNumber).UtcDateTime;
        var end = calendar.StartOf(today.DayNumber + 1).UtcDateTime;
        var read = await db.ModuleReads.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.ModuleId).ToListAsync(ct);
        var questions = await db.AttemptItems.AsNoTracking()
            .Where(i => i.AnsweredUtc >= start && i.AnsweredUtc < end)
            .Join(db.Attempts.Where(a => a.UserId == userId && a.CredentialId == credentialId && a.Kind == AttemptKind.Practice), i => i.AttemptId, a => a.Id, (i, a) => i.DomainId)
            .GroupBy(d => d).Select(g => new { Domain = g.Key, Count = g.Count() }).ToListAsync(ct);
        var exams = await db.Attempts.AsNoTracking().Where(a => a.UserId == userId && a.CredentialId == credentialId && a.Kind == AttemptKind.Exam && (a.SubmittedUtc == null || (a.SubmittedUtc >= start && a.SubmittedUtc < end)))
            .Select(a => new { a.SubmittedUtc, a.DeadlineUtc }).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var status = await reviews.StatusAsync(userId, ct);
        return new DayActivity(
            read.ToHashSet(StringComparer.Ordinal),
            questions.ToDictionary(q => q.Domain, q => q.Count, StringComparer.Ordinal),
            status.Done,
            status.DueNow,
            exams.Count(e => e.SubmittedUtc is not null),
            exams.Any(e => e.SubmittedUtc is null && e.DeadlineUtc > now));
    }
}

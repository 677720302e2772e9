using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CertPrep.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Accounts;

/// <summary>
/// A learner's own data: everything stored about them, exported as one JSON document or as a zip of CSV files (one
/// per kind of record), and the deletion of their account. Deleting keeps the answers for item statistics under a new
/// random pseudonym with no e-mail, name or password (answers are what the item analysis of every question needs);
/// everything else about the learner is deleted.
/// </summary>
public sealed class PersonalData(CertPrepDbContext db, UserManager<ApplicationUser> users, TimeProvider time)
{
    /// <summary>The prefix of the placeholder accounts that keep deleted learners' answers.</summary>
    public const string PseudonymPrefix = "deleted-";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Every kind of record stored about the learner, by name (the CSV file names and the JSON properties).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<object>>> CollectAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.CreatedUtc, u.EmailConfirmed }).ToListAsync(ct);
        var attempts = db.Attempts.AsNoTracking().Where(a => a.UserId == userId);
        var cards = db.ReviewCards.AsNoTracking().Where(c => c.UserId == userId);
        return new Dictionary<string, IReadOnlyList<object>>(StringComparer.Ordinal)
        {
            ["account"] = [.. user],
            ["enrolments"] = [.. await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId)
                .Select(e => new { e.CredentialId, e.FormId, e.ExamDate, e.WeeklyHours, e.StudyDays, e.StudyStartMinutes, e.LighterPlan, e.EnrolledUtc }).ToListAsync(ct)],
            ["study-settings"] = [.. await db.StudySettings.AsNoTracking().Where(s => s.UserId == userId)
                .Select(s => new { s.DesiredRetention, s.ExamTarget, s.NewPerDay, s.ReviewsPerDay, s.EasyDays, s.TimeZone, s.DayStartMinutes, s.UpdatedUtc }).ToListAsync(ct)],
            ["modules-read"] = [.. await db.ModuleReads.AsNoTracking().Where(r => r.UserId == userId).Select(r => new { r.ModuleId, r.ReadUtc }).ToListAsync(ct)],
            ["attempts"] = [.. await attempts.OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.Kind, a.CredentialId, a.FormId, a.FormLength, a.Title, a.StartedUtc, a.DeadlineUtc, a.SubmittedUtc, a.AutoSubmitted, a.ScoredItems, a.Correct }).ToListAsync(ct)],
            ["answers"] = [.. await db.AttemptItems.AsNoTracking().Where(i => attempts.Any(a => a.Id == i.AttemptId)).OrderBy(i => i.AttemptId).ThenBy(i => i.Position)
                .Select(i => new { i.AttemptId, i.Position, i.QuestionId, i.QuestionVersionId, i.DomainId, i.IsPretest, i.Choices, i.NumericText, i.IsCorrect, i.AnsweredUtc, i.TimeSpentMs, i.Flagged, i.Confidence, i.MissReason }).ToListAsync(ct)],
            ["notes-and-flags"] = [.. await db.QuestionMarks.AsNoTracking().Where(m => m.UserId == userId).Select(m => new { m.QuestionId, m.Flagged, m.Note, m.UpdatedUtc }).ToListAsync(ct)],
            ["problem-reports"] = [.. await db.ProblemReports.AsNoTracking().Where(r => r.UserId == userId).Select(r => new { r.Id, r.QuestionId, r.QuestionVersionId, r.Text, r.CreatedUtc, r.ClosedUtc, r.Resolution }).ToListAsync(ct)],
            ["review-cards"] = [.. await cards.OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Kind, c.ItemId, c.CredentialId, c.State, c.Stability, c.Difficulty, c.Reps, c.Lapses, c.LastReviewUtc, c.DueUtc }).ToListAsync(ct)],
            ["review-log"] = [.. await db.ReviewLogs.AsNoTracking().Where(l => l.UserId == userId).OrderBy(l => l.Id)
                .Select(l => new { l.CardId, l.ReviewedUtc, l.Grade, l.Source, l.Correct, l.Confidence, l.TimeMs, l.ScheduledDays }).ToListAsync(ct)],
            ["abilities"] = [.. await db.AbilityStates.AsNoTracking().Where(s => s.UserId == userId).Select(s => new { s.CredentialId, s.Responses, s.StateJson, s.UpdatedUtc }).ToListAsync(ct)],
            ["mastery-history"] = [.. await db.MasterySnapshots.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Day).Select(s => new { s.CredentialId, s.Day, s.MasteryJson }).ToListAsync(ct)],
            ["study-plan-days"] = [.. await db.StudyPlanDays.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.Date).Select(d => new { d.CredentialId, d.Date, d.BudgetMinutes, d.PlannedMinutes, d.TasksJson }).ToListAsync(ct)],
            ["study-plan-changes"] = [.. await db.StudyPlanChanges.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id).Select(c => new { c.CredentialId, c.ChangedUtc, c.Trigger, c.ChangesJson }).ToListAsync(ct)],
            ["calendar-feed"] = [.. await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId).Select(f => new { f.Token, f.CreatedUtc }).ToListAsync(ct)],
        };
    }

    /// <summary>All of it as one JSON document.</summary>
    public async Task<byte[]> JsonAsync(string userId, CancellationToken ct)
    {
        var data = await CollectAsync(userId, ct);
        return JsonSerializer.SerializeToUtf8Bytes(new { exportedUtc = time.GetUtcNow().UtcDateTime, data }, Json);
    }

    /// <summary>All of it as a zip with one CSV file per kind of record (RFC 4180, UTF-8).</summary>
    public async Task<byte[]> CsvZipAsync(string userId, CancellationToken ct)
    {
        var data = await CollectAsync(userId, ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, rows) in data)
            {
                var entry = zip.CreateEntry($"{name}.csv", CompressionLevel.Fastest);
                await using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                await writer.WriteAsync(Csv(rows));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Deletes the account after checking the password. Answers and problem reports move to a new pseudonymous
    /// placeholder (no e-mail, no name, no password, locked); everything else is deleted with the account. Returns an
    /// error message, or null when the account is gone.
    /// </summary>
    public async Task<string?> DeleteAsync(string userId, string password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return "There is no such account.";
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            return "That is not your password. Nothing was deleted.";
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var pseudonym = new ApplicationUser
            {
                Id = PseudonymPrefix + Guid.NewGuid().ToString("N"),
                CreatedUtc = time.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
                LockoutEnd = DateTimeOffset.MaxValue,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            pseudonym.UserName = pseudonym.Id;
            pseudonym.NormalizedUserName = pseudonym.Id.ToUpperInvariant();
            db.Users.Add(pseudonym);
            await db.SaveChangesAsync(ct);
            await db.Attempts.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, pseudonym.Id), ct);
            await db.ProblemReports.Where(r => r.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.UserId, pseudonym.Id), ct);
            // Review logs cascade from cards, and plans from enrolments; the rest cascades from the account.
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return (string?)null;
        });
    }

    /// <summary>RFC 4180 text: a header of the property names, one line per row, fields quoted when needed, and cells
    /// that a spreadsheet would run as a formula (starting with =, +, -, @) prefixed with an apostrophe.</summary>
    public static string Csv(IReadOnlyList<object> rows)
    {
        var text = new StringBuilder();
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        var properties = rows[0].GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance);
        text.AppendJoin(',', properties.Select(p => Field(p.Name))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', properties.Select(p => Field(Format(p.GetValue(row))))).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}

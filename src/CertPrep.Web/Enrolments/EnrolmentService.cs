using CertPrep.Content.Model;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Enrolments;

/// <summary>Enrolling in credentials and the dashboard's view of them.</summary>
public sealed class EnrolmentService(CertPrepDbContext db, TimeProvider time)
{
    public const int MaxWeeklyHours = 80;

    public async Task<IReadOnlyList<EnrolmentView>> ForUserAsync(string userId, CancellationToken ct)
    {
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId).ToListAsync(ct);
        var ids = enrolments.Select(e => e.CredentialId).ToList();
        var credentials = await db.Credentials.AsNoTracking().Where(c => ids.Contains(c.Id) && !c.IsRetired).ToDictionaryAsync(c => c.Id, c => LibraryJson.Read<Credential>(c.DefinitionJson), ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return [.. enrolments
            .Where(e => credentials.ContainsKey(e.CredentialId))
            .Select(e =>
            {
                var credential = credentials[e.CredentialId];
                var form = credential.Forms.FirstOrDefault(f => f.Id == e.FormId) ?? credential.DefaultForm;
                return new EnrolmentView(e, credential, form, e.ExamDate is { } date ? date.DayNumber - today.DayNumber : null);
            })
            .OrderBy(v => v.Credential.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>Enrols the learner or updates the enrolment. Returns an error message for input the site cannot use.</summary>
    public async Task<string?> SaveAsync(string userId, string credentialId, string? formId, DateOnly? examDate, int? weeklyHours, CancellationToken ct)
    {
        var json = await db.Credentials.AsNoTracking().Where(c => c.Id == credentialId && !c.IsRetired).Select(c => c.DefinitionJson).SingleOrDefaultAsync(ct);
        if (json is null)
        {
            return "There is no such credential.";
        }

        var credential = LibraryJson.Read<Credential>(json);
        if (formId is not null && credential.Forms.All(f => f.Id != formId))
        {
            return "Choose one of the exam forms offered.";
        }

        if (weeklyHours is < 1 or > MaxWeeklyHours)
        {
            return $"Weekly study hours must be between 1 and {MaxWeeklyHours}.";
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (examDate is { } date && (date < today || date > today.AddYears(3)))
        {
            return "The exam date must be today or later, and within three years.";
        }

        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.UserId == userId && e.CredentialId == credentialId, ct);
        if (enrolment is null)
        {
            enrolment = new Enrolment { UserId = userId, CredentialId = credentialId, EnrolledUtc = time.GetUtcNow().UtcDateTime };
            db.Enrolments.Add(enrolment);
        }

        enrolment.FormId = formId ?? (credential.Forms.Count > 1 ? enrolment.FormId : null);
        enrolment.ExamDate = examDate;
        enrolment.WeeklyHours = weeklyHours;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(enrolment).State == EntityState.Added)
        {
            // Enrolled a moment ago in another tab: that enrolment stands; apply these settings to it.
            db.ChangeTracker.Clear();
            return await SaveAsync(userId, credentialId, formId, examDate, weeklyHours, ct);
        }

        return null;
    }

    public async Task<bool> RemoveAsync(string userId, string credentialId, CancellationToken ct) =>
        await db.Enrolments.Where(e => e.UserId == userId && e.CredentialId == credentialId).ExecuteDeleteAsync(ct) == 1;
}

public sealed record EnrolmentView(Enrolment Enrolment, Credential Credential, ExamForm Form, int? DaysToExam);

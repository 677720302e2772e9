using System.Security.Cryptography;
using CertPrep.Domain.Adaptive;
using CertPrep.Domain.Scheduling;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using CertPrep.Web.Reviews;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Adaptive;

/// <summary>Adaptive practice or a diagnostic test.</summary>
public enum AdaptiveMode
{
    /// <summary>Practice: due reviews first (within a share), then the domain that needs it most, at about 70% success.</summary>
    Practice = 1,

    /// <summary>A short test for a new learner: the most informative item in the least certain domain, until precise enough.</summary>
    Diagnostic = 2,
}

/// <summary>How an adaptive session was set up (stored with the attempt).</summary>
public sealed record AdaptiveSettings(AdaptiveMode Mode, int Count, double ReviewShare);

/// <summary>
/// Adaptive sessions: a practice attempt whose items are chosen one at a time, after each answer, by
/// <see cref="NextItemSelector"/> from the learner's current abilities (and, in practice, their due reviews first,
/// within the share they chose). Each item records why it was chosen.
/// </summary>
public sealed class AdaptiveService(CertPrepDbContext db, QuestionPool pool, QuestionBank bank, TimeProvider time)
{
    public const int DefaultCount = 15;
    public const int MaxCount = 60;
    public const double DefaultReviewShare = 0.3;
    private static readonly TimeSpan Recent = TimeSpan.FromDays(2);

    /// <summary>Starts a session and chooses its first item; null when the learner is not enrolled or nothing is left.</summary>
    public async Task<long?> StartAsync(string userId, string credentialId, AdaptiveMode mode, int count, double reviewShare, CancellationToken ct)
    {
        var credential = await db.Enrolments.AnyAsync(e => e.UserId == userId && e.CredentialId == credentialId, ct) ? await pool.CredentialAsync(credentialId, ct) : null;
        if (credential is null)
        {
            return null;
        }

        var settings = new AdaptiveSettings(mode, Math.Clamp(count, 1, MaxCount), Math.Clamp(reviewShare, 0, 1));
        var attempt = new Attempt
        {
            UserId = userId,
            Kind = AttemptKind.Practice,
            CredentialId = credentialId,
            Title = mode == AdaptiveMode.Diagnostic ? $"Diagnostic: {credential.Name}" : $"Adaptive practice: {credential.Name}",
            Seed = RandomNumberGenerator.GetInt32(int.MaxValue),
            StartedUtc = time.GetUtcNow().UtcDateTime,
            SettingsJson = LibraryJson.Write(new { Adaptive = settings }),
        };
        db.Attempts.Add(attempt);
        await db.SaveChangesAsync(ct);
        return await AppendNextAsync(attempt.Id, ct) ? attempt.Id : await DiscardAsync(attempt);
    }

    /// <summary>The session's settings, or null for an ordinary quiz.</summary>
    public static AdaptiveSettings? SettingsOf(Attempt attempt) =>
        LibraryJson.Read<AdaptiveEnvelope>(attempt.SettingsJson).Adaptive;

    /// <summary>
    /// Adds the next item to an adaptive session once every item so far is answered; does nothing for other quizzes, a
    /// session that is complete, or one whose diagnostic is precise enough. Returns whether an item was added.
    /// </summary>
    public async Task<bool> AppendNextAsync(long attemptId, CancellationToken ct)
    {
        var attempt = await db.Attempts.AsNoTracking().SingleAsync(a => a.Id == attemptId, ct);
        if (SettingsOf(attempt) is not { } settings || attempt.SubmittedUtc is not null)
        {
            return false;
        }

        var items = await db.AttemptItems.AsNoTracking().Where(i => i.AttemptId == attemptId).ToListAsync(ct);
        if (items.Count >= settings.Count || items.Any(i => !i.IsAnswered))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var credential = (await pool.CredentialAsync(attempt.CredentialId, ct))!;
        var abilities = (await db.AbilityStates.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == attempt.UserId && s.CredentialId == attempt.CredentialId, ct))?.Read() ?? LearnerAbilities.New();
        if (settings.Mode == AdaptiveMode.Diagnostic && NextItemSelector.DiagnosticDone(abilities, credential.Domains.Select(d => d.Id), items.Count, now, maximum: settings.Count))
        {
            return false;
        }

        var questions = await pool.ForCredentialAsync(attempt.CredentialId, ct);
        var byId = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var inSession = items.Select(i => i.QuestionId).ToHashSet(StringComparer.Ordinal);
        var names = credential.Domains.ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal);
        var choice = settings.Mode == AdaptiveMode.Practice ? await DueReviewAsync(attempt, items, settings, byId, inSession, now, ct) : null;
        if (choice is null)
        {
            var recent = now.UtcDateTime - Recent;
            // A join from the learner's attempts: a correlated EXISTS scans every learner's answers on SQLite.
            var seen = await db.Attempts.AsNoTracking().Where(a => a.UserId == attempt.UserId)
                .SelectMany(a => a.Items).Where(i => i.AnsweredUtc > recent)
                .Select(i => i.QuestionId).Distinct().ToListAsync(ct);
            var excluded = inSession.Concat(seen).ToHashSet(StringComparer.Ordinal);
            var prepared = await bank.GetAsync(db, questions.Select(q => q.VersionId), ct);
            var fitted = await CalibrationService.FittedAsync(db, [.. questions.Select(q => q.VersionId)], ct);
            var poolItems = questions.Select(q => new PoolItem(q.Id, q.DomainIds[0], fitted.TryGetValue(q.VersionId, out var p) ? p : AbilityRecorder.Prior(prepared[q.VersionId]))).ToList();
            var weights = credential.Domains.ToDictionary(d => d.Id, d => d.Weight.Fraction(credential.DefaultForm.ScoredItems.Value), StringComparer.Ordinal);
            var given = items.GroupBy(i => i.DomainId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var request = new SelectionRequest(weights, given, excluded);
            var random = new Random(HashCode.Combine(attempt.Seed, items.Count));
            var selection = (settings.Mode == AdaptiveMode.Diagnostic
                    ? NextItemSelector.ForDiagnostic(abilities, poolItems, request, now, random, id => names.GetValueOrDefault(id) ?? id)
                    : NextItemSelector.ForPractice(abilities, poolItems, request, now, random, id => names.GetValueOrDefault(id) ?? id))
                ?? (excluded.Count > inSession.Count
                    ? NextItemSelector.ForPractice(abilities, poolItems, request with { Excluded = inSession }, now, random, id => names.GetValueOrDefault(id) ?? id)
                    : null);
            if (selection is null)
            {
                return false;
            }

            choice = (byId[selection.Item.Id], selection.Item.Domain, selection.Reason);
        }

        var (question, domain, reason) = choice.Value;
        db.AttemptItems.Add(new AttemptItem
        {
            AttemptId = attemptId,
            Position = items.Count + 1,
            QuestionId = question.Id,
            QuestionVersionId = question.VersionId,
            DomainId = domain,
            Seed = RandomNumberGenerator.GetInt32(int.MaxValue),
            SelectionReason = reason.Length > 200 ? reason[..200] : reason,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two answers of the same session at once: the other request added the item.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>A due question card of this credential, while due reviews are under their share of the session.</summary>
    private async Task<(PoolQuestion Question, string Domain, string Reason)?> DueReviewAsync(
        Attempt attempt, List<AttemptItem> items, AdaptiveSettings settings, Dictionary<string, PoolQuestion> byId, HashSet<string> inSession, DateTimeOffset now, CancellationToken ct)
    {
        var reviewsSoFar = items.Count(i => i.SelectionReason == DueReviewReason);
        if (reviewsSoFar >= settings.ReviewShare * (items.Count + 1))
        {
            return null;
        }

        var schedule = await LearnerSchedule.LoadAsync(db, attempt.UserId, ct);
        var today = schedule.Calendar.DayOf(now);
        var due = await db.ReviewCards.AsNoTracking()
            .Where(c => c.UserId == attempt.UserId && c.Kind == CardKind.Question && c.State == CardState.Review && c.DueDay <= today)
            .ToListAsync(ct);
        var card = due.Where(c => byId.ContainsKey(c.ItemId) && !inSession.Contains(c.ItemId))
            .MinBy(c => schedule.Scheduler.Model.Retrievability(Math.Max(0, today - c.LastReviewDay), c.Stability));
        return card is null ? null : (byId[card.ItemId], byId[card.ItemId].DomainIds[0], DueReviewReason);
    }

    private async Task<long?> DiscardAsync(Attempt attempt)
    {
        db.Attempts.Remove(attempt);
        await db.SaveChangesAsync();
        return null;
    }

    public const string DueReviewReason = "due review";

    private sealed record AdaptiveEnvelope(AdaptiveSettings? Adaptive);
}

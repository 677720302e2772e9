using CertPrep.Domain.Adaptive;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Adaptive;

/// <summary>
/// Updates a learner's abilities with answers, in every credential and domain the question serves (a question shared
/// by CPIM and CSCP moves both). Changes are added to the unit of work of the caller, which saves them with the answer.
/// Items use their calibrated parameters when the nightly job has fitted them, otherwise the author's prior.
/// </summary>
public sealed class AbilityRecorder(CertPrepDbContext db)
{
    /// <summary>The prior parameters of a question version: from its difficulty and number of options.</summary>
    public static ItemParameters Prior(PreparedQuestion question) =>
        ItemParameters.Prior((Domain.Exams.Difficulty)(int)question.Difficulty, question.IsNumeric ? 0 : question.Options.Count);

    /// <summary>Adds the updates of these answers (question, version, prior parameters, right or not) to the unit of work.</summary>
    public async Task ApplyAsync(string userId, IReadOnlyList<(string QuestionId, long? VersionId, ItemParameters Item, bool Correct)> answers, DateTimeOffset now, CancellationToken ct)
    {
        if (answers.Count == 0)
        {
            return;
        }

        var ids = answers.Select(a => a.QuestionId).Distinct(StringComparer.Ordinal).ToList();
        var domains = (await db.QuestionDomains.AsNoTracking().Where(d => ids.Contains(d.QuestionId)).ToListAsync(ct))
            .ToLookup(d => d.QuestionId, StringComparer.Ordinal);
        var credentials = domains.SelectMany(g => g.Select(d => d.CredentialId)).Distinct(StringComparer.Ordinal).ToList();
        var states = await db.AbilityStates.Where(s => s.UserId == userId && credentials.Contains(s.CredentialId)).ToDictionaryAsync(s => s.CredentialId, StringComparer.Ordinal, ct);
        var abilities = states.ToDictionary(s => s.Key, s => s.Value.Read(), StringComparer.Ordinal);
        var fitted = await CalibrationService.FittedAsync(db, [.. answers.Select(a => a.VersionId).OfType<long>()], ct);
        foreach (var (questionId, versionId, prior, correct) in answers)
        {
            var item = versionId is { } v && fitted.TryGetValue(v, out var calibrated) ? calibrated : prior;
            foreach (var mapping in domains[questionId])
            {
                var current = abilities.GetValueOrDefault(mapping.CredentialId) ?? LearnerAbilities.New();
                abilities[mapping.CredentialId] = current.Update(mapping.DomainId, item, correct, now);
            }
        }

        foreach (var (credentialId, updated) in abilities)
        {
            if (!states.TryGetValue(credentialId, out var state))
            {
                state = new AbilityState { UserId = userId, CredentialId = credentialId, StateJson = string.Empty };
                db.AbilityStates.Add(state);
            }

            state.StateJson = AbilityJson.Write(updated);
            state.Responses = updated.Overall.Responses;
            state.UpdatedUtc = now.UtcDateTime;
        }
    }
}

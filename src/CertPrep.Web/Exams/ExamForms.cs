using CertPrep.Content.Model;
using CertPrep.Domain.Exams;

namespace CertPrep.Web.Exams;

/// <summary>Reads a credential's exam form as the exam library's blueprint and score scale.</summary>
public static class ExamForms
{
    public static ExamForm FormOf(Credential credential, string? formId) =>
        credential.Forms.FirstOrDefault(f => f.Id == formId) ?? credential.DefaultForm;

    /// <summary>
    /// The form's blueprint: published item counts per domain when the form has them for every domain, otherwise
    /// the domain weights (normalised, so weights stored with rounding still sum to one).
    /// </summary>
    public static ExamBlueprint Blueprint(Credential credential, ExamForm form)
    {
        var scored = form.ScoredItems.Value;
        if (credential.Domains.All(d => form.DomainItems.ContainsKey(d.Id)))
        {
            return ExamBlueprint.FromItemCounts(form.PretestItems.Value, form.Minutes.Value, credential.Domains.Select(d => new KeyValuePair<string, int>(d.Id, form.DomainItems[d.Id].Value)));
        }

        var weights = credential.Domains.Select(d => (d.Id, Weight: d.Weight.Fraction(scored))).Where(d => d.Weight > 0).ToList();
        var total = weights.Sum(w => w.Weight);
        return new ExamBlueprint(scored, form.PretestItems.Value, form.Minutes.Value, weights.Select(w => new BlueprintDomain(w.Id, w.Weight / total)));
    }

    /// <summary>The scale scores are projected onto, or null when the form's scale text cannot be read.</summary>
    public static ScoreScale? Scale(Credential credential, ExamForm form) =>
        ScoreScale.TryParse($"{credential.Issuer} {form.Name} scale", form.ScoreScale.Value, form.PassMark.Value, out var scale) ? scale : null;
}

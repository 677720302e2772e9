using CertPrep.Web.Accounts;
using CertPrep.Web.Adaptive;
using CertPrep.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Pages.Mastery;

public sealed class IndexModel(MasteryService mastery, CertPrepDbContext db) : PageModel
{
    public MasteryReport? Report { get; private set; }

    public IReadOnlyList<(string Id, string Name)> Enrolments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? credential, CancellationToken ct)
    {
        var userId = User.UserId();
        Enrolments = (await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId)
            .Join(db.Credentials, e => e.CredentialId, c => c.Id, (e, c) => new { e.CredentialId, c.Name })
            .OrderBy(e => e.Name).ToListAsync(ct)).Select(e => (e.CredentialId, e.Name)).ToList();
        var chosen = credential ?? Enrolments.FirstOrDefault().Id;
        if (chosen is null)
        {
            return Page(); // not enrolled: the page says how to start
        }

        Report = await mastery.ForAsync(userId, chosen, ct);
        return Report is null ? NotFound() : Page();
    }
}

using CertPrep.Web.Accounts;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Pages.Modules;

public sealed class ReadModel(LibraryQueries library, CertPrepDbContext db, Reviews.ReviewRecorder reviews, TimeProvider time) : PageModel
{
    public ModulePage Module { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var module = await library.ModuleAsync(id, UserId, ct);
        if (module is null)
        {
            return NotFound();
        }

        Module = module;
        return Page();
    }

    public async Task<IActionResult> OnPostMarkReadAsync(string id, bool read, CancellationToken ct)
    {
        if (!await db.Modules.AnyAsync(m => m.Id == id && !m.IsRetired, ct))
        {
            return NotFound();
        }

        var existing = await db.ModuleReads.FindAsync([UserId, id], ct);
        if (read && existing is null)
        {
            db.ModuleReads.Add(new ModuleRead { UserId = UserId, ModuleId = id, ReadUtc = time.GetUtcNow().UtcDateTime });
        }
        else if (!read && existing is not null)
        {
            db.ModuleReads.Remove(existing);
        }

        await db.SaveChangesAsync(ct);
        if (read)
        {
            // Its key terms become flashcards (term to definition and back) from now on.
            await reviews.AddTermCardsAsync(UserId, id, ct);
        }

        return RedirectToPage(new { id });
    }

    private string UserId => User.UserId();
}

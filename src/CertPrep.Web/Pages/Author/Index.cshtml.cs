using CertPrep.Content.Files;
using CertPrep.Web.Authoring;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CertPrep.Web.Pages.Author;

public sealed class IndexModel(ContentInventory content, ContentLocation location) : PageModel
{
    public IReadOnlyList<IGrouping<string, ContentFile>> Folders { get; private set; } = [];

    public int FileCount { get; private set; }

    public ContentLocation Location => location;

    public void OnGet()
    {
        var files = content.List();
        FileCount = files.Count;
        Folders = [.. files.GroupBy(f => f.Folder)];
    }
}

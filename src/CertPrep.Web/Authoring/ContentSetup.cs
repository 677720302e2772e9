using CertPrep.Content.Files;
using Microsoft.Extensions.FileProviders;

namespace CertPrep.Web.Authoring;

public static class ContentSetup
{
    public static void AddCertPrepContent(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        var root = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, options.Path));
        // A missing folder is not fatal: the site runs and the author pages say where it looked.
        IFileProvider files = Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();
        builder.Services.AddSingleton(new ContentInventory(files));
        builder.Services.AddSingleton(new ContentLocation(root, Directory.Exists(root)));
    }
}

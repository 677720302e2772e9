using CertPrep.Content.Files;
using Microsoft.Extensions.FileProviders;

namespace CertPrep.Web.Authoring;

public static class ContentSetup
{
    public static void AddCertPrepContent(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ContentOptions.Section).Get<ContentOptions>() ?? new ContentOptions();
        var root = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, options.Path));
        Directory.CreateDirectory(root);
        builder.Services.AddSingleton(new ContentInventory(new PhysicalFileProvider(root)));
    }
}

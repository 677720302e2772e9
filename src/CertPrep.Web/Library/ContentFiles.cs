using CertPrep.Content.Files;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.StaticFiles;

namespace CertPrep.Web.Library;

/// <summary>Serves the images stored in the content folder (and nothing else from it) under <see cref="RequestPath"/>.</summary>
public static class ContentFiles
{
    public const string RequestPath = "/content-files";

    private static readonly HashSet<string> Served = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp" };

    public static IApplicationBuilder UseContentFiles(this IApplicationBuilder app)
    {
        var content = app.ApplicationServices.GetRequiredService<ContentInventory>();
        var types = new FileExtensionContentTypeProvider();
        foreach (var extension in types.Mappings.Keys.Where(e => !Served.Contains(e)).ToList())
        {
            types.Mappings.Remove(extension); // markdown, YAML and anything else stay private
        }

        // Study material needs a signed-in user, images included.
        return app.UseWhen(context => context.Request.Path.StartsWithSegments(RequestPath), branch => branch
            .Use(async (context, next) =>
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    await context.ChallengeAsync();
                    return;
                }

                await next(context);
            })
            .UseStaticFiles(new StaticFileOptions
            {
                FileProvider = content.Files,
                RequestPath = RequestPath,
                ContentTypeProvider = types,
                ServeUnknownFileTypes = false,
            }));
    }
}

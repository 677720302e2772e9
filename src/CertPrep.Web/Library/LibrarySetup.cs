using CertPrep.Content;
using CertPrep.Web.Jobs;

namespace CertPrep.Web.Library;

public static class LibrarySetup
{
    public static void AddCertPrepLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ContentParseCache>();
        builder.Services.AddScoped<ContentImporter>();
        builder.Services.AddScoped<LibraryQueries>();
        builder.Services.AddSingleton<ContentRenderCache>();
        builder.Services.AddScoped<AuthorQueries>();
        builder.Services.AddBackgroundJob<ImportContentJob>(ImportContentJob.Name, "Imports the content folder into the database");
        builder.Services.Configure<WatchOptions>(o =>
        {
            o.Enabled = builder.Configuration.GetValue<bool?>("Content:Watch") ?? builder.Environment.IsDevelopment();
            o.Quiet = builder.Configuration.GetValue<TimeSpan?>("Content:WatchQuietPeriod") ?? o.Quiet;
        });
        builder.Services.AddHostedService<ContentWatcher>();
    }
}

using CertPrep.Web.Jobs;

namespace CertPrep.Web.Library;

public static class LibrarySetup
{
    public static void AddCertPrepLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ContentImporter>();
        builder.Services.AddScoped<LibraryQueries>();
        builder.Services.AddScoped<AuthorQueries>();
        builder.Services.AddBackgroundJob<ImportContentJob>(ImportContentJob.Name, "Imports the content folder into the database");
    }
}

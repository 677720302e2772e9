using CertPrep.Web.Data;
using CertPrep.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Web.Library;

/// <summary>
/// <c>dotnet run --project src/CertPrep.Web -- import-content</c>: migrates the configured database, imports the content
/// folder, prints every problem as <c>path:line:col: error|warning: message</c> and exits 1 when there were errors.
/// </summary>
public static class ImportContentCommand
{
    public const string Verb = "import-content";

    public static async Task<int> RunAsync(WebApplication app, TextWriter output)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        try
        {
            await StartupTasks.MigrateAsync(app.Services, settings, CancellationToken.None);
        }
        catch (StartupConfigurationException ex)
        {
            await output.WriteLineAsync($"CertPrep cannot import: {ex.Message}");
            return StartupTasks.ExitCodeStartupFailed;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var import = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync("command line", CancellationToken.None);
        var problems = await scope.ServiceProvider.GetRequiredService<CertPrepDbContext>().ContentProblems.AsNoTracking()
            .Where(p => p.ImportId == import.Id).OrderBy(p => p.Path).ThenBy(p => p.Line).ThenBy(p => p.Column).ToListAsync();
        foreach (var p in problems)
        {
            await output.WriteLineAsync($"{p.Path}:{p.Line}:{p.Column}: {(p.IsError ? "error" : "warning")}: {p.Message} [{p.Code}]");
        }

        await output.WriteLineAsync(
            $"Imported {import.Files} files into {settings.Describe()}: {import.Added} added, {import.NewVersions} changed, {import.Retired} retired, {import.Unchanged} unchanged; {import.Errors} errors, {import.Warnings} warnings.");
        return import.Errors > 0 ? 1 : 0;
    }
}

using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Library;

/// <summary>With Content:Watch on (the Development default), saving a file re-imports it without a restart.</summary>
public sealed class ContentWatcherTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Sqlite);
    private CertPrepFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new CertPrepFactory(_database, new Dictionary<string, string?> { ["Content:Watch"] = "true" });
        SampleContentFiles.CopyTo(_app.ContentDirectory);

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SavedFile_IsReimported_ByABackgroundJob()
    {
        _ = _app.Services;
        var path = Path.Combine(_app.ContentDirectory, "glossary", "terms.md");

        var edited = (await File.ReadAllTextAsync(path)).Replace("Defects per million opportunities.", "Defects per one million opportunities.", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, edited);

        // A save made while the site is still starting (before its watcher is armed) can go unnoticed, as in an editor;
        // saving again is what an author would do, so the test saves again every 5 seconds until the edit is imported.
        var deadline = Environment.TickCount64 + 30_000;
        var nextSave = Environment.TickCount64 + 5_000;
        string? definition = null;
        while (Environment.TickCount64 < deadline)
        {
            if (Environment.TickCount64 > nextSave)
            {
                await File.WriteAllTextAsync(path, edited);
                nextSave = Environment.TickCount64 + 5_000;
            }

            await using var scope = _app.Services.CreateAsyncScope();
            definition = await scope.ServiceProvider.GetRequiredService<CertPrepDbContext>().GlossaryTerms.Where(t => t.Id == "dpmo").Select(t => t.Definition).SingleAsync();
            if (definition.Contains("one million", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100);
        }

        definition.ShouldBe("Defects per one million opportunities.");
        await using var check = _app.Services.CreateAsyncScope();
        var imports = await check.ServiceProvider.GetRequiredService<CertPrepDbContext>().ContentImports.Select(i => i.Trigger).ToListAsync();
        imports.ShouldContain("watch");
    }
}

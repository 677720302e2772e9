using System.Diagnostics;
using System.Globalization;
using CertPrep.Content;
using CertPrep.Content.Files;
using CertPrep.Tools;
using CertPrep.Web.Adaptive;
using CertPrep.Web.Attempts;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using CertPrep.Web.Planning;
using CertPrep.Web.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertPrep.LoadData;

/// <summary>The database of a data-growth run: migrated, content imported, learners generated, first study plans made.</summary>
internal static class LoadDatabase
{
    public static async Task<string> CreateAsync(string path, int learners, TimeProvider clock)
    {
        var connectionString = $"Data Source={path};Default Timeout=60";
        var options = new DbContextOptionsBuilder<CertPrepDbContext>();
        DatabaseSetup.Configure(options, new DatabaseSettings(DatabaseProvider.Sqlite, connectionString));
        var now = clock.GetUtcNow();
        await using (var db = new CertPrepDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            var inventory = new ContentInventory(new PhysicalFileProvider(Path.Combine(ToolEnvironment.RepositoryRoot(), "content")));
            await new ContentImporter(db, inventory, new ContentParseCache(), new FixedClock(now.AddDays(-120)), NullLogger<ContentImporter>.Instance).ImportAsync("load data", CancellationToken.None);
        }

        var library = await ImportedLibrary.LoadAsync(options.Options);
        var generate = Stopwatch.StartNew();
        await HistoryWriter.WriteAsync(connectionString, library, learners, now);
        generate.Stop();

        // Every enrolment's first plan, as the hourly job would make it; made "today", so the site's job has nothing to do.
        var plan = Stopwatch.StartNew();
        await using (var db = new CertPrepDbContext(options.Options))
        {
            var mastery = new MasteryService(db, new QuestionPool(db), new QuestionBank(), clock);
            await new PlanService(db, new PlanInputs(db, clock), mastery, new ReviewPlanning(db, clock), clock).ReplanDueAsync(CancellationToken.None);
        }

        plan.Stop();
        var counts = await ToolEnvironment.CountsAsync(options.Options, "AspNetUsers", "Attempts", "AttemptItems", "ReviewCards", "ReviewLogs", "StudyPlans", "ModuleReads");
        var size = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(", ", counts.Select(c => $"{c.Key} {c.Value:N0}"))}; history {generate.Elapsed.TotalSeconds:N0} s, first plans {plan.Elapsed.TotalSeconds:N0} s; database {size / (1024.0 * 1024):N0} MiB");
    }
}

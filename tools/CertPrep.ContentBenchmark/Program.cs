using System.Diagnostics;
using System.Globalization;
using CertPrep.Content;
using CertPrep.Content.Files;
using CertPrep.ContentBenchmark;
using CertPrep.Web.Data;
using CertPrep.Web.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: dotnet run -c Release --project tools/CertPrep.ContentBenchmark [-- questions=5000 modules=100 runs=5]
var settings = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
var questions = settings.GetValueOrDefault("questions", 5000);
var modules = settings.GetValueOrDefault("modules", 100);
var runs = settings.GetValueOrDefault("runs", 5);
const int perFile = 100;

var root = Directory.CreateTempSubdirectory("certprep-bench-").FullName;
try
{
    ContentGenerator.Write(Path.Combine(root, "content"), modules, questions, perFile, terms: 200);
    var files = Directory.EnumerateFiles(Path.Combine(root, "content"), "*", SearchOption.AllDirectories).ToList();
    Console.WriteLine($"Generated {questions} questions in {files.Count(f => f.Contains("questions", StringComparison.Ordinal))} files, {modules} modules, 200 glossary terms ({files.Sum(f => new FileInfo(f).Length) / 1024} KiB).");

    var inventory = new ContentInventory(new PhysicalFileProvider(Path.Combine(root, "content")));
    var cache = new ContentParseCache();
    var database = Path.Combine(root, "bench.db");
    var options = new DbContextOptionsBuilder<CertPrepDbContext>();
    DatabaseSetup.Configure(options, new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={database};Default Timeout=30"));
    await using (var migrate = new CertPrepDbContext(options.Options))
    {
        await migrate.Database.MigrateAsync();
        await migrate.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    // Cold: the first parse, validation and import in this process (JIT included) into an empty database.
    var cold = Stopwatch.StartNew();
    ContentImport first;
    await using (var db = new CertPrepDbContext(options.Options))
    {
        first = await new ContentImporter(db, inventory, cache, TimeProvider.System, NullLogger<ContentImporter>.Instance).ImportAsync("benchmark", CancellationToken.None);
    }

    cold.Stop();
    if (first.Errors > 0 || first.Added != questions + modules + 200 + 1)
    {
        throw new InvalidOperationException($"Generated content did not import cleanly: {first.Added} added, {first.Errors} errors.");
    }

    Console.WriteLine($"Cold parse + validate + import into an empty SQLite database: {cold.Elapsed.TotalMilliseconds:N0} ms ({first.Added} items added)");
    var warm = Stopwatch.StartNew();
    var library = ContentLoader.Load(inventory.Files);
    warm.Stop();
    Console.WriteLine($"Warm parse + validate of the whole tree without cache: {warm.Elapsed.TotalMilliseconds:N0} ms ({library.Questions.Count} questions)");

    // Re-import after one question file changed.
    var timings = new List<double>();
    var changed = Path.Combine(root, "content", "bench", "questions", "pool-007.md");
    for (var run = 1; run <= runs; run++)
    {
        await File.WriteAllTextAsync(changed, ContentGenerator.QuestionFile(7, perFile, perFile, modules, stemSuffix: $" (edit {run})"));
        var watch = Stopwatch.StartNew();
        await using var db = new CertPrepDbContext(options.Options);
        var import = await new ContentImporter(db, inventory, cache, TimeProvider.System, NullLogger<ContentImporter>.Instance).ImportAsync("benchmark", CancellationToken.None);
        watch.Stop();
        timings.Add(watch.Elapsed.TotalMilliseconds);
        if (import.NewVersions != perFile)
        {
            throw new InvalidOperationException($"Expected {perFile} new versions, got {import.NewVersions}.");
        }
    }

    timings.Sort();
    Console.WriteLine($"Re-import after one changed file ({perFile} questions edited), {runs} runs: min {timings[0]:N0} ms, median {timings[timings.Count / 2]:N0} ms, max {timings[^1]:N0} ms");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(root, recursive: true);
}

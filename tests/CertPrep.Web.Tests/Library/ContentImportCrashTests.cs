using CertPrep.Tests.Shared;
using CertPrep.Web.Tests.Infrastructure;
using Npgsql;

namespace CertPrep.Web.Tests.Library;

/// <summary>
/// The import process killed (SIGKILL, no shutdown code) part-way through an import on PostgreSQL: every content
/// table still holds exactly the previous import, and the next run imports cleanly. To kill it at a known point, the
/// test holds a lock on <c>QuestionVersions</c>, which the import writes after the others: the process is killed while
/// it waits there, its import record and new glossary term written but not committed.
/// </summary>
public sealed class ContentImportCrashTests : IAsyncLifetime
{
    private static readonly string[] ContentTables =
        ["Credentials", "Modules", "GlossaryTerms", "Questions", "QuestionVersions", "QuestionDomains", "CaseSets", "ContentImports", "ContentProblems"];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly string _work = Directory.CreateTempSubdirectory("certprep-import-crash-").FullName;
    private readonly PostgresTestDatabase _database = new();

    private string ContentDirectory => Path.Combine(_work, "content");

    private Dictionary<string, string> Environment => new()
    {
        ["Database__Provider"] = "PostgreSQL",
        ["ConnectionStrings__CertPrep"] = _database.ConnectionString,
        ["Content__Path"] = ContentDirectory,
    };

    public Task InitializeAsync()
    {
        SampleContentFiles.CopyTo(ContentDirectory);
        return System.Threading.Tasks.Task.CompletedTask;
    }

    [Fact]
    public async Task Import_LeavesThePreviousImport_WhenTheProcessIsKilledPartWay()
    {
        var first = await AppProcess.RunAsync(_work, Environment, arguments: "import-content");
        first.ExitCode.ShouldBe(0, first.Output);
        var before = await SnapshotAsync();
        Edit("demo/questions/planning.md", "Why does a business hold safety stock?", "Why does a business keep safety stock at all?");
        Edit("glossary/terms.md", "## ", "## Zero-defect crash term\n\nA term added by the import that is killed.\n\n## ");

        await using (var blocker = await OpenAsync())
        await using (var lockTransaction = await blocker.BeginTransactionAsync())
        {
            await ExecuteAsync(blocker, "LOCK TABLE \"QuestionVersions\" IN EXCLUSIVE MODE");
            await using var import = AppNode.Launch(_work, Environment, testHostingStartup: false, "import-content");
            var backend = await WaitForBackendWaitingOnQuestionVersionsAsync(blocker.ProcessID);
            var written = await TablesWrittenByAsync(backend);
            written.ShouldContain("ContentImports", "the import had written its import record before it was killed");
            written.ShouldContain("GlossaryTerms", "the import had written the new term before it was killed");

            import.Kill(); // SIGKILL, and waits for the process to be gone
            await lockTransaction.RollbackAsync();
            await WaitForAsync(async () => !await IsRunningAsync(backend)); // the server rolled the orphaned transaction back
        }

        var afterCrash = await SnapshotAsync();
        foreach (var table in ContentTables)
        {
            afterCrash[table].ShouldBe(before[table], $"table {table}");
        }

        var next = await AppProcess.RunAsync(_work, Environment, arguments: "import-content");
        next.ExitCode.ShouldBe(0, next.Output);
        next.Output.ShouldContain("1 added, 1 changed, 0 retired");
        var after = await SnapshotAsync();
        after["QuestionVersions"].Count.ShouldBe(before["QuestionVersions"].Count + 1);
        after["GlossaryTerms"].Count.ShouldBe(before["GlossaryTerms"].Count + 1);
        after["ContentImports"].Count.ShouldBe(2);
    }

    private void Edit(string path, string oldText, string newText)
    {
        var file = Path.Combine(ContentDirectory, path);
        var text = File.ReadAllText(file);
        var at = text.IndexOf(oldText, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"'{oldText}' in {path}");
        File.WriteAllText(file, string.Concat(text.AsSpan(0, at), newText, text.AsSpan(at + oldText.Length)));
    }

    /// <summary>Every row of every content table, as JSON text, in a stable order.</summary>
    private async Task<Dictionary<string, List<string>>> SnapshotAsync()
    {
        await using var connection = await OpenAsync();
        var snapshot = new Dictionary<string, List<string>>();
        foreach (var table in ContentTables)
        {
            await using var command = new NpgsqlCommand($"SELECT row_to_json(t)::text AS r FROM \"{table}\" t ORDER BY r", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            snapshot[table] = rows;
        }

        return snapshot;
    }

    private async Task<int> WaitForBackendWaitingOnQuestionVersionsAsync(int blockerPid)
    {
        var backend = 0;
        await WaitForAsync(async () =>
        {
            await using var connection = await OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'QuestionVersions' AND NOT l.granted AND l.pid <> @blocker",
                connection);
            command.Parameters.AddWithValue("blocker", blockerPid);
            backend = await command.ExecuteScalarAsync() is int pid ? pid : 0;
            return backend != 0;
        });
        return backend;
    }

    private async Task<List<string>> TablesWrittenByAsync(int pid)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = @pid AND l.granted AND l.mode = 'RowExclusiveLock' AND c.relkind = 'r'",
            connection);
        command.Parameters.AddWithValue("pid", pid);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private async Task<bool> IsRunningAsync(int pid)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pid = @pid", connection);
        command.Parameters.AddWithValue("pid", pid);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async System.Threading.Tasks.Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async System.Threading.Tasks.Task WaitForAsync(Func<Task<bool>> probe)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!await probe())
        {
            deadline.Elapsed.ShouldBeLessThan(Patience, "waited too long");
            await System.Threading.Tasks.Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

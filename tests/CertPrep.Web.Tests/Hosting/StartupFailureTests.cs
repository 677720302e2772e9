using System.Net;
using System.Net.Sockets;
using CertPrep.Web.Tests.Infrastructure;

namespace CertPrep.Web.Tests.Hosting;

/// <summary>
/// Settings an operator gets wrong, tried on the real program as a separate process: it must stop with exit code 3
/// and one readable line naming the setting, never a stack trace.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("certprep-start-").FullName;

    [Fact]
    public async Task Start_FailsWithOneLine_WhenDatabaseProviderIsUnknown()
    {
        var result = await RunAsync(new() { ["Database__Provider"] = "Oracle" });

        result.ExitCode.ShouldBe(3);
        result.Output.ShouldContain("CertPrep cannot start: Database:Provider is 'Oracle', which CertPrep does not know. Set it to 'Sqlite' (the default) or 'PostgreSQL'.");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task Start_FailsWithOneLine_WhenPostgreSqlIsUnreachable()
    {
        var port = FreePort();
        var result = await RunAsync(new()
        {
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__CertPrep"] = $"Host=127.0.0.1;Port={port};Database=certprep;Username=certprep;Password=secret-password;Timeout=3",
        });

        result.ExitCode.ShouldBe(3);
        var line = result.Lines.Single(l => l.Contains("CertPrep cannot start", StringComparison.Ordinal));
        line.ShouldContain($"PostgreSQL server 127.0.0.1:{port}");
        line.ShouldContain("ConnectionStrings:CertPrep");
        result.Output.ShouldNotContain("secret-password");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task Start_FailsWithOneLine_WhenPostgreSqlConnectionStringIsMissing()
    {
        var result = await RunAsync(new() { ["Database__Provider"] = "PostgreSQL" });

        result.ExitCode.ShouldBe(3);
        result.Output.ShouldContain("Database:Provider is PostgreSQL but ConnectionStrings:CertPrep is empty");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task Start_FailsWithOneLine_WhenAdminEmailHasNoAccountAndNoPassword()
    {
        var result = await RunAsync(new() { ["Admin__Email"] = "first.admin@example.org" });

        result.ExitCode.ShouldBe(3);
        result.Output.ShouldContain("Admin:Email is 'first.admin@example.org' but no such account exists and Admin:Password is empty");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task Start_CreatesDataDirectoryAndDatabase_OnFirstRun()
    {
        var result = await RunAsync(new(), stopWhenReady: true);

        result.Output.ShouldContain("CertPrep is ready on SQLite file");
        File.Exists(Path.Combine(_workDirectory, "App_Data", "certprep.db")).ShouldBeTrue();
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task Start_FailsWithOneLineAndLeavesTheFileSound_WhenTheDatabaseFileIsReadOnly()
    {
        (await RunAsync(new(), stopWhenReady: true)).Output.ShouldContain("CertPrep is ready");
        var file = Path.Combine(_workDirectory, "App_Data", "certprep.db");

        // Read-only media (file permissions would not stop root, who runs the tests): SQLite opens the file read-only.
        var result = await RunAsync(new() { ["ConnectionStrings__CertPrep"] = $"Data Source={file};Mode=ReadOnly" });

        result.ExitCode.ShouldBe(3);
        var line = result.Lines.Single(l => l.Contains("CertPrep cannot start", StringComparison.Ordinal));
        line.ShouldContain($"SQLite file {file}");
        line.ShouldContain("attempt to write a readonly database");
        result.ShouldHaveNoStackTrace();

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            (await check.ExecuteScalarAsync()).ShouldBe("ok");
        }

        (await RunAsync(new(), stopWhenReady: true)).Output.ShouldContain("CertPrep is ready"); // writable again: starts as before
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again: nothing listens there
    }

    private Task<AppProcess.Result> RunAsync(Dictionary<string, string> environment, bool stopWhenReady = false) =>
        AppProcess.RunAsync(_workDirectory, environment, stopWhenReady);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

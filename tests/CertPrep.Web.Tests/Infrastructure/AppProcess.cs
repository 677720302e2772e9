using System.Diagnostics;

namespace CertPrep.Web.Tests.Infrastructure;

/// <summary>Runs the built site as its own process, as an operator would, and collects what it prints.</summary>
public static class AppProcess
{
    public static async Task<Result> RunAsync(string workDirectory, IReadOnlyDictionary<string, string> environment, bool stopWhenReady = false, params string[] arguments)
    {
        await using var node = AppNode.Launch(workDirectory, environment, testHostingStartup: false, arguments);
        var timeout = TimeSpan.FromSeconds(90);
        if (stopWhenReady)
        {
            await node.WaitUntilStartedAsync();
            node.Kill();
        }

        await node.WaitForExitAsync(timeout);
        return new Result(node.ExitCode, node.Lines);
    }

    /// <summary>
    /// How the site is started: the built <c>CertPrep.Web.dll</c> beside the tests, Production settings, a free loopback
    /// port, the work directory's <c>App_Data</c> and content. With <paramref name="testHostingStartup"/> the tests'
    /// own assembly is loaded into the site as a hosting startup (it adds the test jobs, see <c>ClusterTestJobs</c>).
    /// </summary>
    public static ProcessStartInfo StartInfo(string workDirectory, IReadOnlyDictionary<string, string> environment, string[] arguments, bool testHostingStartup = false)
    {
        var bin = AppContext.BaseDirectory;
        var web = Path.Combine(bin, "CertPrep.Web.dll");
        string[] host = testHostingStartup
            ? ["exec", "--depsfile", Path.Combine(bin, "CertPrep.Web.Tests.deps.json"), "--runtimeconfig", Path.Combine(bin, "CertPrep.Web.runtimeconfig.json"), web]
            : [web];
        var start = new ProcessStartInfo("dotnet", [.. host, "--urls", "http://127.0.0.1:0", .. arguments])
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_CONTENTROOT"] = bin; // beside appsettings.json, as deployed
        start.Environment["CertPrep__DataDirectory"] = Path.Combine(workDirectory, "App_Data");
        start.Environment["Content__Path"] = workDirectory;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        if (testHostingStartup)
        {
            start.Environment["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = typeof(AppProcess).Assembly.GetName().Name;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    public sealed record Result(int ExitCode, IReadOnlyList<string> Lines)
    {
        public string Output => string.Join('\n', Lines);

        public void ShouldHaveNoStackTrace() =>
            Lines.Where(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception:", StringComparison.Ordinal))
                .ShouldBeEmpty($"Output:\n{Output}");
    }
}

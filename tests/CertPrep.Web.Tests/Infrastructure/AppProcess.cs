using System.Diagnostics;

namespace CertPrep.Web.Tests.Infrastructure;

/// <summary>Runs the built site as its own process, as an operator would, and collects what it prints.</summary>
public static class AppProcess
{
    public static async Task<Result> RunAsync(string workDirectory, Dictionary<string, string> environment, bool stopWhenReady = false, params string[] arguments)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "CertPrep.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web, "--urls", "http://127.0.0.1:0", .. arguments])
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_CONTENTROOT"] = AppContext.BaseDirectory; // beside appsettings.json, as deployed
        start.Environment["CertPrep__DataDirectory"] = Path.Combine(workDirectory, "App_Data");
        start.Environment["Content__Path"] = workDirectory;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        var ready = new TaskCompletionSource();
        void Collect(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (e.Data.Contains("Application started", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        if (stopWhenReady)
        {
            await ready.Task.WaitAsync(timeout.Token);
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(timeout.Token);
        lock (lines)
        {
            return new Result(process.ExitCode, [.. lines]);
        }
    }

    public sealed record Result(int ExitCode, IReadOnlyList<string> Lines)
    {
        public string Output => string.Join('\n', Lines);

        public void ShouldHaveNoStackTrace() =>
            Lines.Where(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception:", StringComparison.Ordinal))
                .ShouldBeEmpty($"Output:\n{Output}");
    }
}

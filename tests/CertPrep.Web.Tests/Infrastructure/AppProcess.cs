using System.Diagnostics;

namespace CertPrep.Web.Tests.Infrastructure;

/// <summary>Runs the built site as its own process, as an operator would, and collects what it prints.</summary>
public static class AppProcess
{
    public static async Task<Result> RunAsync(string workDirectory, Dictionary<string, string> environment, bool stopWhenReady = false, params string[] arguments)
    {
        await using var running = Start(workDirectory, environment, arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        if (stopWhenReady)
        {
            await running.Ready.WaitAsync(timeout.Token);
            running.Kill();
        }

        return await running.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Starts the site and returns at once; the test decides when it ends (e.g. kill -9 part-way through).</summary>
    public static Running Start(string workDirectory, Dictionary<string, string> environment, params string[] arguments)
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

        return new Running(Process.Start(start)!);
    }

    /// <summary>A started site process.</summary>
    public sealed class Running : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal Running(Process process)
        {
            _process = process;
            _process.OutputDataReceived += Collect;
            _process.ErrorDataReceived += Collect;
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int Id => _process.Id;

        /// <summary>Completes when the web server has started.</summary>
        public Task Ready => _ready.Task;

        /// <summary>SIGKILL: no shutdown code runs, as in a crash or a power cut.</summary>
        public void Kill() => _process.Kill(entireProcessTree: true);

        public async Task<Result> WaitForExitAsync(CancellationToken cancellationToken)
        {
            await _process.WaitForExitAsync(cancellationToken);
            lock (_lines)
            {
                return new Result(_process.ExitCode, [.. _lines]);
            }
        }

        private void Collect(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Add(e.Data);
            }

            if (e.Data.Contains("Application started", StringComparison.Ordinal))
            {
                _ready.TrySetResult();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
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

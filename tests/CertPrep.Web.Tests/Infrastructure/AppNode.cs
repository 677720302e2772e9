using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CertPrep.Web.Tests.Infrastructure;

/// <summary>
/// The built site running as its own process: one node of a deployment, reached over loopback, stopped politely or
/// killed outright (SIGKILL, nothing flushed, nothing cleaned up), as a crash would.
/// </summary>
public sealed partial class AppNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppNode(ProcessStartInfo start)
    {
        _process = Process.Start(start)!;
        ProcessId = _process.Id;
        _process.OutputDataReceived += Collect;
        _process.ErrorDataReceived += Collect;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int ProcessId { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Resolves when the site has started (host started, listening); never if it fails to start.</summary>
    public Task Started => _started.Task;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string Output => string.Join('\n', Lines);

    /// <summary>Starts the process without waiting for it.</summary>
    public static AppNode Launch(string workDirectory, IReadOnlyDictionary<string, string> environment, bool testHostingStartup = false, params string[] arguments) =>
        new(AppProcess.StartInfo(workDirectory, environment, arguments, testHostingStartup));

    /// <summary>Starts the process and waits until it serves requests.</summary>
    public static async Task<AppNode> StartAsync(string workDirectory, IReadOnlyDictionary<string, string> environment, bool testHostingStartup = false)
    {
        var node = Launch(workDirectory, environment, testHostingStartup);
        await node.WaitUntilStartedAsync();
        return node;
    }

    public async Task WaitUntilStartedAsync()
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_started.Task, exited).WaitAsync(TimeSpan.FromSeconds(90));
        if (first == exited)
        {
            throw new InvalidOperationException($"The site exited with code {_process.ExitCode} before it started:\n{Output}");
        }
    }

    /// <summary>The address the site listens on (it picks a free loopback port).</summary>
    public Uri Address => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : throw new InvalidOperationException("The site is not listening yet.");

    /// <summary>A client for this node that keeps cookies and does not follow redirects, like the in-process tests' clients.</summary>
    public HttpClient NewClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };

    /// <summary>SIGKILL: the process ends at once, as in a power cut or an out-of-memory kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
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

        if (ListeningLine().Match(e.Data) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }

        if (e.Data.Contains("Application started", StringComparison.Ordinal) && _listening.Task.IsCompleted)
        {
            _started.TrySetResult();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}

using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CertPrep.LoadTest;

/// <summary>
/// One learner's browser for the mix: one cookie jar shared by a connection to every node, and each request sent to
/// the next node in turn, so a sign-in cookie or an antiforgery token from one node must work on the other. Every
/// request is measured (send to body read) under its step's name; anything but the expected status is an error.
/// </summary>
internal sealed partial class SiteClient : IDisposable
{
    private readonly HttpClient[] _nodes;
    private readonly TimeSpan _think;
    private int _next;

    public SiteClient(IReadOnlyList<Uri> nodes, int firstNode, TimeSpan think)
    {
        var cookies = new CookieContainer();
        _nodes = [.. nodes.Select(node => Http.Create(node, cookies))];
        _next = firstNode;
        _think = think;
    }

    /// <summary>Where this phase's measurements go; the runner gives every phase a fresh one.</summary>
    public MixStats Stats { get; set; } = new();

    /// <summary>No request starts at or after this <see cref="Stopwatch"/> timestamp: the phase is over.</summary>
    public long Deadline { get; set; } = long.MaxValue;

    /// <summary>The summed latency of the requests since the current action began.</summary>
    public long ActionTicks { get; set; }

    public Task<SiteResponse> GetAsync(string step, string path, Expect expect = Expect.Page) =>
        SendAsync(step, HttpMethod.Get, path, null, expect, json: false);

    public Task<SiteResponse> PostAsync(string step, Form form, IEnumerable<KeyValuePair<string, string>> fields, Expect expect = Expect.Redirect, bool json = false) =>
        SendAsync(step, HttpMethod.Post, form.Action, [.. fields, new(HtmlScraper.TokenField, form.Token ?? Fail(step, $"the form for {form.Action} has no antiforgery token"))], expect, json);

    /// <summary>Records a page that is not what the learner needs to go on (no form, no link) and ends the action.</summary>
    public string Fail(string step, string problem)
    {
        Stats.Step(step).Error(problem);
        throw new StepFailedException($"{step}: {problem}");
    }

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
    }

    private async Task<SiteResponse> SendAsync(string step, HttpMethod method, string path, List<KeyValuePair<string, string>>? fields, Expect expect, bool json)
    {
        if (Stopwatch.GetTimestamp() >= Deadline)
        {
            throw new PhaseOverException();
        }

        if (_think > TimeSpan.Zero)
        {
            await Task.Delay(_think);
        }

        var client = _nodes[_next++ % _nodes.Length];
        using var request = new HttpRequestMessage(method, path);
        if (fields is not null)
        {
            request.Content = new FormUrlEncodedContent(fields);
        }

        if (json)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }

        var started = Stopwatch.GetTimestamp();
        string body;
        HttpStatusCode status;
        string? location;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            body = await response.Content.ReadAsStringAsync();
            status = response.StatusCode;
            location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;
        }
        catch (TaskCanceledException)
        {
            return Error(step, $"no response within {Http.Timeout.TotalSeconds:0} s to {method} {Shape(path)}");
        }
        catch (HttpRequestException ex)
        {
            return Error(step, $"connection error on {method} {Shape(path)}: {ex.Message}");
        }

        var ticks = Stopwatch.GetTimestamp() - started;
        var code = (int)status;
        var expected = expect == Expect.Page
            ? status == HttpStatusCode.OK
            : code is >= 300 and < 400 && location is not null;
        if (!expected)
        {
            var detail = code >= 400 || expect == Expect.Redirect ? $": {HtmlScraper.Problem(body)}" : location is null ? "" : $" to {Shape(location)}";
            return Error(step, $"HTTP {code} on {method} {Shape(path)}{detail}");
        }

        Stats.Step(step).Success(ticks);
        ActionTicks += ticks;
        return new SiteResponse(code, body, location);
    }

    private SiteResponse Error(string step, string kind)
    {
        Stats.Step(step).Error(kind.Length <= 160 ? kind : kind[..157] + "...");
        throw new StepFailedException($"{step}: {kind}");
    }

    /// <summary>A path with its numbers replaced, so errors group by page rather than by attempt or card.</summary>
    private static string Shape(string path) => Number().Replace(path, "{n}");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}

/// <summary>What a request must answer to count as a success.</summary>
internal enum Expect
{
    /// <summary>200 with a body (a page, or the JSON of an answer save).</summary>
    Page,

    /// <summary>A redirect with a Location (post-redirect-get after a form).</summary>
    Redirect,
}

internal sealed record SiteResponse(int Status, string Body, string? Location)
{
    public string Next => Location ?? throw new InvalidOperationException("Not a redirect.");
}

/// <summary>A request failed (recorded already): the rest of the learner's action is skipped.</summary>
internal sealed class StepFailedException(string message) : Exception(message);

/// <summary>The phase's time is up: the learner stops before its next request.</summary>
internal sealed class PhaseOverException : Exception;

/// <summary>What one learner measured in one phase, per request step and per action. Owned by one learner: no locks.</summary>
internal sealed class MixStats
{
    public Dictionary<string, WorkerStats> Steps { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, WorkerStats> Actions { get; } = new(StringComparer.Ordinal);

    public WorkerStats Step(string name) => Get(Steps, name);

    public WorkerStats Action(string name) => Get(Actions, name);

    private static WorkerStats Get(Dictionary<string, WorkerStats> all, string name)
    {
        if (!all.TryGetValue(name, out var stats))
        {
            all[name] = stats = new WorkerStats();
        }

        return stats;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertPrep.LoadTest;

/// <summary>
/// One simulated learner: its own cookies (antiforgery and sign-in) and connection, an account, an enrolment and a
/// full mock exam in progress, then answers saved one after the other.
/// </summary>
internal sealed class Learner(int index, Uri server, int seed) : IDisposable
{
    public const string Password = "load-test passphrase 42";

    private readonly Uri _server = server;
    private readonly HttpClient _client = Http.Create(server, new CookieContainer());
    private readonly Random _random = new(seed);
    private string _token = "";
    private Uri? _saveUri;
    private int[] _lastChoice = [];
    private int _cursor = 1;
    private int _highest;

    public int Index => index;

    public long AttemptId { get; private set; }

    /// <summary>Questions on the learner's exam form.</summary>
    public int Items => _lastChoice.Length;

    /// <summary>
    /// Registers, enrols, starts a full mock exam and opens it. Not measured. Enrolling is retried for
    /// <paramref name="readyTimeout"/>, in case the site is still importing its content.
    /// </summary>
    public async Task SetUpAsync(string email, string credentialId, TimeSpan readyTimeout, CancellationToken ct)
    {
        await SubmitAsync("register", "/Account/Register", "/Account/Register",
            [new("Input.Email", email), new("Input.DisplayName", $"Load learner {index + 1}"), new("Input.Password", Password), new("Input.ConfirmPassword", Password)], ct);

        var enrolUntil = Stopwatch.GetTimestamp() + (long)(readyTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                await SubmitAsync("enrol", "/Enrolments", "/Enrolments", [new("Input.CredentialId", credentialId)], ct);
                break;
            }
            catch (SetupException) when (Stopwatch.GetTimestamp() < enrolUntil)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }

        var location = await SubmitAsync("start exam", "/Exams", "/Exams?handler=Start",
            [new("Input.CredentialId", credentialId), new("Input.Length", "Full")], ct);
        AttemptId = HtmlScraper.AttemptId(location)
            ?? throw new SetupException($"start exam: POST /Exams?handler=Start redirected to '{location}', expected /Exams/{{id}}/Take.");

        var take = $"/Exams/{AttemptId.ToString(CultureInfo.InvariantCulture)}/Take";
        var html = await GetPageAsync("open exam", take, ct);
        var (items, token) = HtmlScraper.AnswerForm(html)
            ?? throw new SetupException($"open exam: GET {take} has no <form id=\"answer-form\" data-items=\"N\"> with an antiforgery token.");
        if (items < 1)
        {
            throw new SetupException($"open exam: GET {take} says data-items=\"{items}\".");
        }

        _token = token;
        _lastChoice = [.. Enumerable.Repeat(-1, items)];
        _saveUri = new Uri(_server, $"{take}?handler=Save");
    }

    /// <summary>
    /// Saves the next answer and records its latency (from the scheduled time when given, else from sending, to
    /// the response body read) or the error.
    /// </summary>
    public async Task SaveNextAsync(WorkerStats stats, long? scheduled = null)
    {
        var (position, choice) = NextAnswer();
        using var request = new HttpRequestMessage(HttpMethod.Post, _saveUri)
        {
            Content = new FormUrlEncodedContent(
            [
                new("Position", position.ToString(CultureInfo.InvariantCulture)),
                new("Choice", choice.ToString(CultureInfo.InvariantCulture)),
                new(HtmlScraper.TokenField, _token),
            ]),
        };
        request.Headers.Accept.ParseAdd("application/json");
        var started = scheduled ?? Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            var ticks = Stopwatch.GetTimestamp() - started;
            if (!response.IsSuccessStatusCode)
            {
                stats.Error($"HTTP {(int)response.StatusCode}");
                return;
            }

            var saved = Parse(body);
            if (saved is not { Saved: true })
            {
                stats.Error(saved is null ? "200 but not the JSON answer" : $"saved:false ({Shorten(saved.Message)})");
                return;
            }

            _lastChoice[position - 1] = choice;
            stats.Success(ticks);
        }
        catch (TaskCanceledException)
        {
            stats.Error($"no response within {Http.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            stats.Error($"connection: {Shorten(ex.Message)}");
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// Goes through the form in order, wrapping round at the end; about one answer in five instead changes an
    /// earlier answer to a different option, as learners do when they review.
    /// </summary>
    private (int Position, int Choice) NextAnswer()
    {
        if (_highest > 1 && _random.Next(5) == 0)
        {
            var earlier = _random.Next(1, _highest + 1);
            var previous = Math.Max(_lastChoice[earlier - 1], 0);
            return (earlier, (previous + 1 + _random.Next(ContentWriter.OptionsPerQuestion - 1)) % ContentWriter.OptionsPerQuestion);
        }

        var position = _cursor;
        _cursor = _cursor == Items ? 1 : _cursor + 1;
        _highest = Math.Max(_highest, position);
        return (position, _random.Next(ContentWriter.OptionsPerQuestion));
    }

    /// <summary>GET a page with a form, POST the form with its token, and expect a redirect; returns its Location.</summary>
    private async Task<string?> SubmitAsync(string step, string page, string action, KeyValuePair<string, string>[] fields, CancellationToken ct)
    {
        var html = await GetPageAsync(step, page, ct);
        var token = HtmlScraper.Token(html) ?? throw new SetupException($"{step}: GET {page} has no {HtmlScraper.TokenField} field.");
        using var content = new FormUrlEncodedContent([.. fields, new(HtmlScraper.TokenField, token)]);
        using var response = await _client.PostAsync(action, content, ct);
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            return response.Headers.Location?.OriginalString;
        }

        var body = await response.Content.ReadAsStringAsync(ct);
        throw new SetupException($"{step}: POST {action} answered {(int)response.StatusCode}, expected a redirect: {HtmlScraper.Problem(body)}");
    }

    /// <summary>GET a page, following up to three redirects on the same site; the page must answer 200.</summary>
    private async Task<string> GetPageAsync(string step, string path, CancellationToken ct)
    {
        var address = new Uri(_server, path);
        for (var hop = 0; hop <= 3; hop++)
        {
            using var response = await _client.GetAsync(address, ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadAsStringAsync(ct);
            }

            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                address = new Uri(address, location);
                continue;
            }

            throw new SetupException($"{step}: GET {address.PathAndQuery} answered {(int)response.StatusCode}.");
        }

        throw new SetupException($"{step}: GET {path} redirected more than three times (last to {address.PathAndQuery}).");
    }

    private static SaveResponse? Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, LoadTestJson.Default.SaveResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string? text) => text is null ? "no message" : text.Length <= 80 ? text : $"{text[..77]}...";
}

/// <summary>The body of an answer save: <c>{"saved":true,"position":3,"revision":2,"answered":17,"total":110,"message":null}</c>.</summary>
internal sealed record SaveResponse(bool Saved, int Position, int Revision, int Answered, int Total, string? Message);

/// <summary>Source-generated JSON reading: no reflection in the hot path.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(SaveResponse))]
internal sealed partial class LoadTestJson : JsonSerializerContext;

/// <summary>A learner could not be set up: the message names the step, the request and what the site answered.</summary>
internal sealed class SetupException(string message) : Exception(message);

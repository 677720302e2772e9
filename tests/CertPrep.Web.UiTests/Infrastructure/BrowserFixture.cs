using System.Runtime.CompilerServices;
using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace CertPrep.Web.UiTests.Infrastructure;

/// <summary>
/// One real site (Kestrel on a free loopback port, SQLite) and one headless Chromium for the whole browser collection.
/// Each test runs in its own browser context: no cookies or storage carry over between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Generous for two cores, but finite: a hung page fails the test instead of the run.</summary>
    public const float DefaultTimeout = 15_000;

    private TestDatabase? _database;
    private CertPrepFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _baseUrl;

    public CertPrepFactory Factory => _factory ?? throw NotInitialised();

    /// <summary>
    /// The site's clock: the real time plus whatever tests moved it forward. Move it only through
    /// <see cref="AdvanceClock"/>, which moves it back, because every test of the collection shares the site.
    /// </summary>
    public TestClock Clock { get; } = new();

    /// <summary>The site's root address, without a trailing slash, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl => _baseUrl ?? throw NotInitialised();

    /// <summary>Where a failing test leaves its screenshot and trace: artifacts/ui next to the test assembly.</summary>
    public static string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "ui");

    private IBrowser Browser => _browser ?? throw NotInitialised();

    public async Task InitializeAsync()
    {
        var chromium = Chromium.ExecutablePath; // fail first, with the fix in the message, before starting anything

        _database = TestDatabase.Create(DatabaseProvider.Sqlite);
        _factory = new CertPrepFactory(_database, services: s => s.AddSingleton<TimeProvider>(Clock));
        SampleContentFiles.CopyTo(_factory.ContentDirectory);
        ExamContent.WriteTo(_factory.ContentDirectory); // the mock and mini credentials the practice and exam tests use
        _factory.UseKestrel(0);
        _factory.StartServer(); // migrations, roles, scheduler: the site is ready when this returns
        _baseUrl = ResolveBaseUrl(_factory);

        Assertions.SetDefaultExpectTimeout(DefaultTimeout);
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        _browser.IsConnected.ShouldBeTrue($"Chromium at {chromium} did not stay connected after launch.");
    }

    /// <summary>Creates an account with the given roles (on top of Learner) and returns its e-mail address.</summary>
    public async Task<string> CreateUserAsync(params string[] roles)
    {
        var email = TestAccounts.NewEmail(roles.Length == 0 ? "learner" : roles[0].ToLowerInvariant());
        await Factory.CreateUserAsync(email, TestAccounts.Password, roles);
        return email;
    }

    /// <summary>Creates a learner account directly in the database and returns its e-mail address.</summary>
    public async Task<string> CreateLearnerAsync(string who = "learner")
    {
        var email = TestAccounts.NewEmail(who);
        await Factory.CreateUserAsync(email, TestAccounts.Password);
        return email;
    }

    /// <summary>
    /// Moves the site's clock forward until the returned scope is disposed, then back: <c>using (ui.AdvanceClock(...))</c>
    /// keeps a failing test from leaving the next one in the future.
    /// </summary>
    public IDisposable AdvanceClock(TimeSpan by)
    {
        Clock.Advance(by);
        return new ClockAdvance(Clock, by);
    }

    /// <summary>
    /// Runs a test body on a fresh page in a fresh context (tracing on). When the body throws, a screenshot and the
    /// Playwright trace are saved under <see cref="ArtifactsDirectory"/> and their paths are added to the failure.
    /// </summary>
    public async Task RunAsync(
        Func<IPage, Task> test,
        BrowserNewContextOptions? options = null,
        string? variant = null,
        [CallerMemberName] string testName = "")
    {
        var name = variant is null ? testName : $"{testName}-{variant}";
        var contextOptions = options is null ? new BrowserNewContextOptions() : new BrowserNewContextOptions(options);
        contextOptions.BaseURL = BaseUrl;
        contextOptions.ViewportSize ??= new ViewportSize { Width = 1280, Height = 800 };

        await using var context = await Browser.NewContextAsync(contextOptions);
        context.SetDefaultTimeout(DefaultTimeout);
        context.SetDefaultNavigationTimeout(DefaultTimeout);
        await context.Tracing.StartAsync(new TracingStartOptions { Title = name, Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                pageErrors.Add($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => pageErrors.Add($"page error: {error}");

        try
        {
            await test(page);
        }
        catch (Exception ex)
        {
            var saved = await SaveArtifactsAsync(context, page, name);
            var errors = pageErrors.Count == 0 ? "" : $"{Environment.NewLine}Browser errors:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", pageErrors)}";
            throw new XunitException($"{ex.Message}{Environment.NewLine}{Environment.NewLine}{saved}{errors}", ex);
        }

        await context.Tracing.StopAsync(); // passed: discard the trace
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static async Task<string> SaveArtifactsAsync(IBrowserContext context, IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        var stem = Path.Combine(ArtifactsDirectory, $"{Sanitize(name)}-{Guid.NewGuid().ToString("N")[..8]}");
        var screenshot = $"{stem}.png";
        var trace = $"{stem}-trace.zip";
        var lines = new List<string> { $"UI test artifacts for {name}:" };
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true, Timeout = 5_000 });
            lines.Add($"  screenshot: {screenshot}");
        }
        catch (PlaywrightException ex)
        {
            lines.Add($"  screenshot: not saved ({ex.Message.Split('\n')[0]})");
        }

        try
        {
            await context.Tracing.StopAsync(new TracingStopOptions { Path = trace });
            lines.Add($"  trace:      {trace}");
            lines.Add($"  (open the trace with 'pwsh {Path.Combine(AppContext.BaseDirectory, "playwright.ps1")} show-trace <file>' or at https://trace.playwright.dev)");
        }
        catch (PlaywrightException ex)
        {
            lines.Add($"  trace: not saved ({ex.Message.Split('\n')[0]})");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Sanitize(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());

    private static string ResolveBaseUrl(CertPrepFactory factory)
    {
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no addresses: was UseKestrel called before StartServer?");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel listens on no http:// address ({string.Join(", ", addresses)}).");
        return address.TrimEnd('/');
    }

    private sealed class ClockAdvance(TestClock clock, TimeSpan by) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                clock.Advance(-by);
            }
        }
    }

    private static InvalidOperationException NotInitialised() => new("The browser fixture is not initialised.");
}

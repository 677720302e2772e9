using Microsoft.Playwright;

namespace CertPrep.Web.UiTests.Infrastructure;

/// <summary>
/// The system Chromium (Playwright cannot download browsers here). The browser tests fail, never skip, when it is
/// missing, with a message saying how to get it.
/// </summary>
public static class Chromium
{
    public const string PathVariable = "CERTPREP_CHROMIUM";
    public const string DefaultPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : DefaultPath;
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException(
                    $"The browser tests need Chromium, but '{path}' does not exist. Install it ('apt-get install chromium'), " +
                    $"or set {PathVariable} to the path of a Chromium executable, or run tools/test.sh, which installs it.");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = Arguments,
        Timeout = 60_000,
    });
}

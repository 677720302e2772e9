using CertPrep.Content.Files;
using CertPrep.Web.Jobs;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CertPrep.Web.Library;

/// <summary>
/// While authoring (Development, or <c>Content:Watch=true</c>): a saved content file is re-imported by a background
/// job shortly after the last change, so the site shows the edit without a restart.
/// </summary>
internal sealed partial class ContentWatcher(
    ContentInventory content,
    IBackgroundJobs jobs,
    IOptions<WatchOptions> options,
    TimeProvider time,
    ILogger<ContentWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        LogWatching(logger);
        var changed = new SemaphoreSlim(0);
        using var subscription = ChangeToken.OnChange(() => content.Files.Watch("**/*"), () => changed.Release());
        while (!stoppingToken.IsCancellationRequested)
        {
            await changed.WaitAsync(stoppingToken);
            // Editors save in several writes: wait until the folder has been quiet for a moment.
            do
            {
                await Task.Delay(options.Value.Quiet, time, stoppingToken);
            }
            while (changed.CurrentCount > 0 && DrainAll(changed));

            await jobs.EnqueueAsync<ImportContentJob>(new Dictionary<string, string> { ["trigger"] = "watch" }, stoppingToken);
        }
    }

    private static bool DrainAll(SemaphoreSlim semaphore)
    {
        while (semaphore.Wait(0))
        {
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching the content folder: saved files are re-imported")]
    private static partial void LogWatching(ILogger logger);
}

/// <summary>Settings <c>Content:Watch</c> (default: on in Development) and <c>Content:WatchQuietPeriod</c>.</summary>
internal sealed class WatchOptions
{
    public bool Enabled { get; set; }

    public TimeSpan Quiet { get; set; } = TimeSpan.FromMilliseconds(300);
}

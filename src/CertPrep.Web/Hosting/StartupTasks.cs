using System.Data.Common;
using CertPrep.Web.Accounts;
using CertPrep.Web.Data;
using CertPrep.Web.Jobs;
using CertPrep.Web.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace CertPrep.Web.Hosting;

/// <summary>
/// What must happen, in order, before the site serves its first request: migrate the database, create roles and
/// the first administrator, bring the recurring jobs up to date, start the job scheduler. A failure that an
/// operator can fix is reported as one log line naming the setting, and the process exits with code 3.
/// </summary>
internal sealed partial class StartupTasks(
    IServiceProvider services,
    DatabaseSettings database,
    IOptions<JobsOptions> jobsOptions,
    IHostApplicationLifetime lifetime,
    ILogger<StartupTasks> logger) : IHostedService
{
    public const int ExitCodeStartupFailed = 3;
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MigrateAsync(cancellationToken);
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().RunAsync(cancellationToken);
                await ImportContentAsync(scope.ServiceProvider, cancellationToken);
            }

            if (jobsOptions.Value.Enabled)
            {
                _scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
                await services.GetRequiredService<RecurringJobSynchronizer>().SynchronizeAsync(_scheduler, cancellationToken);
                await _scheduler.Start(cancellationToken);
            }

            LogReady(logger, database.Describe());
        }
        catch (StartupConfigurationException ex)
        {
            Fail(ex.Message);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not { Status: SchedulerStatus.Created or SchedulerStatus.Running or SchedulerStatus.Standby })
        {
            return;
        }

        // Let running jobs finish, but not forever: a job cut off here requested recovery and runs again on restart.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(jobsOptions.Value.ShutdownTimeout);
        try
        {
            await _scheduler.Shutdown(waitForJobsToComplete: true, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            LogShutdownTimedOut(logger, jobsOptions.Value.ShutdownTimeout);
        }
        catch (ObjectDisposedException ex)
        {
            // Seen with Quartz 4.7.3 in cluster mode: the cluster manager's final check-in, right after a start,
            // resolves the scheduler from a DI scope Quartz has already disposed. Nothing is lost (the store is
            // transactional and the node's triggers are recovered by the cluster); stopping must not fail on it.
            LogShutdownIncomplete(logger, ex);
        }
    }

    /// <summary>PostgreSQL's SQLSTATE for CREATE DATABASE on a name that exists.</summary>
    private const string DuplicateDatabase = "42P04";

    /// <summary>
    /// Several nodes starting together (an upgrade) must not apply the same migration twice: whoever creates the
    /// database first wins (the others find it there), then each node migrates while holding a session advisory lock,
    /// so the first applies what is pending and the rest find nothing left to do.
    /// </summary>
    private static async Task MigrateOneNodeAtATimeAsync(CertPrepDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (DbException ex) when (ex.SqlState == DuplicateDatabase)
            {
                // Another node created it a moment ago.
            }
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.LockForSessionAsync(ClusterLocks.Migrations, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.UnlockAsync(ClusterLocks.Migrations, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync(); // ends the session, and with it the lock if unlocking failed
        }
    }

    private Task MigrateAsync(CancellationToken cancellationToken) => MigrateAsync(services, database, cancellationToken);

    /// <summary>Applies pending migrations; an unreachable or misconfigured database becomes a <see cref="StartupConfigurationException"/>.</summary>
    internal static async Task MigrateAsync(IServiceProvider services, DatabaseSettings database, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertPrepDbContext>();
        try
        {
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                await MigrateOneNodeAtATimeAsync(db, cancellationToken);
            }
            else
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (database.Provider == DatabaseProvider.Sqlite)
            {
                // Readers never wait for the writer, and the scheduler and web requests share the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var root = ex;
            while (root.InnerException is not null)
            {
                root = root.InnerException;
            }

            throw new StartupConfigurationException(
                $"Cannot open the database ({database.Describe()}): {root.Message.TrimEnd('.')}. Check {DatabaseSettings.ConnectionStringKey} and {DatabaseSettings.ProviderKey}.", ex);
        }
    }

    /// <summary>
    /// Imports the content before the first request so a fresh site shows its content at once. A failure here is
    /// logged, not fatal: the site serves the last good import (e.g. another node importing at the same moment).
    /// </summary>
    private async Task ImportContentAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        try
        {
            await scoped.GetRequiredService<ContentImporter>().ImportAsync("startup", cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or IOException)
        {
            LogImportFailed(logger, ex);
        }
    }

    private void Fail(string message)
    {
        LogStartupFailed(logger, message);
        Environment.ExitCode = ExitCodeStartupFailed;
        // Stopping now would cancel the web server's own start and print its stack trace: stop once it has started.
        lifetime.ApplicationStarted.Register(lifetime.StopApplication);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The content import at start-up failed; the last good import is served")]
    private static partial void LogImportFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "CertPrep is ready on {Database}")]
    private static partial void LogReady(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background jobs were still running after {Timeout}; they will be recovered on the next start")]
    private static partial void LogShutdownTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job scheduler did not shut down cleanly")]
    private static partial void LogShutdownIncomplete(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "CertPrep cannot start: {Reason}")]
    private static partial void LogStartupFailed(ILogger logger, string reason);
}

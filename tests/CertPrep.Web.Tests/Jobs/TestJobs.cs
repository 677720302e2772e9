using System.Collections.Concurrent;
using CertPrep.Web.Jobs;

namespace CertPrep.Web.Tests.Jobs;

/// <summary>Records what test jobs ran, per application instance.</summary>
public sealed class JobSink
{
    public ConcurrentQueue<BackgroundJobContext> Runs { get; } = new();

    public int Attempts;

    /// <summary>Set when a <see cref="SlowJob"/> has started.</summary>
    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A <see cref="SlowJob"/> runs until this is set (or the scheduler stops).</summary>
    public TaskCompletionSource ReleaseSlow { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Succeeds and records its context.</summary>
public sealed class RecordingJob(JobSink sink) : IBackgroundJob
{
    public const string Name = "test-recording";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken)
    {
        sink.Runs.Enqueue(context);
        return Task.CompletedTask;
    }
}

/// <summary>Fails on its first try, succeeds on the retry.</summary>
public sealed class FlakyJob(JobSink sink) : IBackgroundJob
{
    public const string Name = "test-flaky";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref sink.Attempts);
        if (attempt == 1)
        {
            throw new InvalidOperationException($"flaky failure on attempt {attempt}");
        }

        sink.Runs.Enqueue(context);
        return Task.CompletedTask;
    }
}

/// <summary>Always fails.</summary>
public sealed class BrokenJob : IBackgroundJob
{
    public const string Name = "test-broken";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken) =>
        throw new TimeoutException("the upstream service did not answer");
}

/// <summary>Runs until the test releases it: a job that takes a long time.</summary>
public sealed class SlowJob(JobSink sink) : IBackgroundJob
{
    public const string Name = "test-slow";

    public async Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken)
    {
        sink.SlowStarted.TrySetResult();
        await sink.ReleaseSlow.Task.WaitAsync(cancellationToken);
    }
}

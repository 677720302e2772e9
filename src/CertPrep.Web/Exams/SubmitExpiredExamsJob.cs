using CertPrep.Web.Jobs;

namespace CertPrep.Web.Exams;

/// <summary>
/// Submits exams whose time has run out. Scheduled for each exam's deadline when it starts (Quartz keeps the
/// schedule across restarts) and run every 15 minutes as a backstop. Opening or answering an expired exam
/// submits it at once too, so a learner never sees an exam past its deadline.
/// </summary>
public sealed class SubmitExpiredExamsJob(ExamService exams) : IBackgroundJob
{
    public const string Name = "submit-expired-exams";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken) => exams.SubmitExpiredAsync(cancellationToken);
}

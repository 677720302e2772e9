using CertPrep.Web.Jobs;

namespace CertPrep.Web.Planning;

/// <summary>Re-plans every enrolment whose plan is older than the learner's today (hourly, so each learner's new day is planned soon after it starts).</summary>
public sealed class ReplanStudyPlansJob(PlanService plans) : IBackgroundJob
{
    public const string Name = "replan-study-plans";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken) => plans.ReplanDueAsync(cancellationToken);
}

/// <summary>Re-plans one learner after a mock exam (arguments <c>userId</c> and <c>attemptId</c>).</summary>
public sealed class ReplanAfterMockJob(PlanService plans) : IBackgroundJob
{
    public const string Name = "replan-after-mock";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken) =>
        context.Arguments.TryGetValue("userId", out var userId) && context.Arguments.TryGetValue("attemptId", out var id) && long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var attemptId)
            ? plans.ReplanAfterMockAsync(userId, attemptId, cancellationToken)
            : Task.CompletedTask;
}

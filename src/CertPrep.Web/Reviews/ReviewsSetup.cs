using CertPrep.Web.Jobs;

namespace CertPrep.Web.Reviews;

public static class ReviewsSetup
{
    /// <summary>Spaced repetition: cards from answers and read modules, the Review page's queue, and the planning jobs.</summary>
    public static void AddCertPrepReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReviewRecorder>();
        builder.Services.AddScoped<Adaptive.AbilityRecorder>();
        builder.Services.AddScoped<Adaptive.MasteryService>();
        builder.Services.AddScoped<Adaptive.AdaptiveService>();
        builder.Services.AddScoped<Adaptive.ItemAnalysisService>();
        builder.Services.AddScoped<Adaptive.CalibrationService>();
        builder.Services.AddScoped<Adaptive.MasterySnapshotService>();
        builder.Services.AddRecurringJob<Adaptive.RecalibrateItemsJob>(Adaptive.RecalibrateItemsJob.Name, "0 30 2 * * ?", "Re-estimates every question's item parameters from all answers (nightly)");
        builder.Services.AddRecurringJob<Adaptive.MasterySnapshotJob>(Adaptive.MasterySnapshotJob.Name, "0 0 3 * * ?", "Stores each learner's mastery per domain for the trend charts (nightly)");
        builder.Services.AddScoped<ReviewQueue>();
        builder.Services.AddScoped<ReviewPlanning>();
        builder.Services.AddRecurringJob<PrepareReviewDaysJob>(PrepareReviewDaysJob.Name, "0 5 * * * ?", "Prepares each learner's review queue and forecast after their day starts");
        builder.Services.AddBackgroundJob<ReplanLearnerJob>(ReplanLearnerJob.Name, "Re-plans a learner's cards after their study settings or exam date change");
    }
}

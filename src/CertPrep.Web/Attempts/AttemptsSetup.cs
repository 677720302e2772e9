using CertPrep.Web.Exams;
using CertPrep.Web.Jobs;
using CertPrep.Web.Practice;

namespace CertPrep.Web.Attempts;

public static class AttemptsSetup
{
    /// <summary>Practice quizzes and mock exams: the question cache, the services and the deadline job.</summary>
    public static void AddCertPrepAttempts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<QuestionBank>();
        builder.Services.AddScoped<QuestionPool>();
        builder.Services.AddScoped<ItemPresenter>();
        builder.Services.AddScoped<PracticeService>();
        builder.Services.AddScoped<ExamService>();
        builder.Services.AddScoped<ExamReports>();
        builder.Services.AddScoped<Enrolments.EnrolmentService>();
        builder.Services.AddScoped<ProblemReportQueue>();
        builder.Services.AddRecurringJob<SubmitExpiredExamsJob>(SubmitExpiredExamsJob.Name, "0 0/15 * * * ?", "Submits mock exams whose time has run out");
    }
}

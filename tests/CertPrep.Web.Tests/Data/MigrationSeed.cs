using System.Data.Common;
using CertPrep.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CertPrep.Web.Tests.Data;

/// <summary>
/// One row per table, each written with plain SQL at the migration that created its table. MigrationsTests migrates
/// from every earlier migration and checks every row is still there, value for value. A new table needs a row here
/// (Seed_CoversEveryTable says so).
/// </summary>
public static class MigrationSeed
{
    public const string UserId = "seed-user-0001";
    public const string RoleId = "seed-role-0001";
    public const string UserPassword = "seeded learner passphrase";
    private const string Identity = "20261122010000_Identity";
    private const string Quartz = "20261122020000_QuartzJobStore";
    private const string JobRunsMigration = "20261122030000_JobRuns";
    private const string ContentLibrary = "20261122040000_ContentLibrary";
    private const string PracticeAndExams = "20261122050000_PracticeAndExams";
    private const string SpacedRepetition = "20261130050000_SpacedRepetition";
    private const string Abilities = "20261130060000_Abilities";
    private const string CalibrationAndSnapshots = "20261130080000_CalibrationAndSnapshots";
    private const string StudyPlans = "20261130090000_StudyPlans";
    private const string DataProtectionKeys = "20261130100000_DataProtectionKeys";

    private static readonly DateTime Created = new(2026, 11, 2, 9, 30, 0, DateTimeKind.Utc);

    public static IReadOnlyList<SeedRow> Rows { get; } =
    [
        new(Identity, "AspNetRoles", new() { ["Id"] = RoleId, ["Name"] = "Author", ["NormalizedName"] = "AUTHOR", ["ConcurrencyStamp"] = "stamp-r" }),
        new(Identity, "AspNetUsers", new()
        {
            ["Id"] = UserId,
            ["DisplayName"] = "Seeded Learner",
            ["CreatedUtc"] = Created,
            ["UserName"] = "seed@example.org",
            ["NormalizedUserName"] = "SEED@EXAMPLE.ORG",
            ["Email"] = "seed@example.org",
            ["NormalizedEmail"] = "SEED@EXAMPLE.ORG",
            ["EmailConfirmed"] = true,
            ["PasswordHash"] = new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), UserPassword),
            ["SecurityStamp"] = "SEEDSECURITYSTAMP",
            ["ConcurrencyStamp"] = "stamp-u",
            ["PhoneNumber"] = "+1 555 0100",
            ["PhoneNumberConfirmed"] = false,
            ["TwoFactorEnabled"] = false,
            ["LockoutEnabled"] = true,
            ["AccessFailedCount"] = 2,
        }),
        new(Identity, "AspNetUserRoles", new() { ["UserId"] = UserId, ["RoleId"] = RoleId }),
        new(Identity, "AspNetUserClaims", new() { ["UserId"] = UserId, ["ClaimType"] = "timezone", ["ClaimValue"] = "Europe/Berlin" }),
        new(Identity, "AspNetRoleClaims", new() { ["RoleId"] = RoleId, ["ClaimType"] = "scope", ["ClaimValue"] = "content" }),
        new(Identity, "AspNetUserLogins", new() { ["LoginProvider"] = "example", ["ProviderKey"] = "key-1", ["ProviderDisplayName"] = "Example", ["UserId"] = UserId }),
        new(Identity, "AspNetUserTokens", new() { ["UserId"] = UserId, ["LoginProvider"] = "example", ["Name"] = "refresh", ["Value"] = "token-value" }),
        new(Quartz, "QRTZ_JOB_DETAILS", new()
        {
            ["SCHED_NAME"] = "CertPrep",
            ["JOB_NAME"] = "seed-job",
            ["JOB_GROUP"] = "recurring",
            ["JOB_CLASS_NAME"] = "CertPrep.Web.Jobs.QuartzJobRunner, CertPrep.Web",
            ["IS_DURABLE"] = true,
            ["IS_NONCONCURRENT"] = true,
            ["IS_UPDATE_DATA"] = false,
            ["REQUESTS_RECOVERY"] = true,
        }),
        new(JobRunsMigration, "JobRuns", new()
        {
            ["JobName"] = "prune-job-history",
            ["TriggerName"] = "recurring.prune-job-history",
            ["FireInstanceId"] = "seed-fire-1",
            ["NodeName"] = "node-a",
            ["ScheduledFireUtc"] = Created,
            ["StartedUtc"] = Created.AddSeconds(1),
            ["FinishedUtc"] = Created.AddSeconds(2),
            ["RetryAttempt"] = 0,
            ["Outcome"] = 1,
            ["RetryScheduled"] = false,
        }),
        new(ContentLibrary, "Credentials", new() { ["Id"] = "cpim", ["Name"] = "CPIM", ["Issuer"] = "ASCM", ["DefinitionJson"] = "{}", ["ContentHash"] = "c1", ["IsRetired"] = false, ["ImportedUtc"] = Created }),
        new(ContentLibrary, "Modules", new()
        {
            ["Id"] = "cpim-demand", ["CredentialId"] = "cpim", ["Title"] = "Demand", ["Summary"] = "Forecasting", ["Order"] = 3, ["ReadingMinutes"] = 30,
            ["MetadataJson"] = "{}", ["Markdown"] = "## Demand", ["SourcePath"] = "cpim/modules/03-demand.md", ["ContentHash"] = "m1", ["IsRetired"] = false, ["ImportedUtc"] = Created,
        }),
        new(ContentLibrary, "GlossaryTerms", new()
        {
            ["Id"] = "safety-stock", ["Term"] = "Safety stock", ["Definition"] = "A buffer.", ["MetadataJson"] = "{}", ["SourcePath"] = "glossary/inventory.md",
            ["ContentHash"] = "g1", ["IsRetired"] = false, ["ImportedUtc"] = Created,
        }),
        new(ContentLibrary, "Questions", new() { ["Id"] = "cpim-q-1", ["CurrentVersion"] = 1, ["IsRetired"] = false, ["FirstImportedUtc"] = Created }),
        new(ContentLibrary, "QuestionVersions", new()
        {
            ["QuestionId"] = "cpim-q-1", ["Number"] = 1, ["ContentHash"] = "q1", ["Type"] = "Single", ["Topic"] = "EOQ", ["Bloom"] = "Apply", ["Difficulty"] = "Medium",
            ["Stem"] = "What is the EOQ?", ["BodyJson"] = "{}", ["Explanation"] = "Because.", ["SourcePath"] = "cpim/questions/eoq.md", ["SourceLine"] = 8, ["CreatedUtc"] = Created,
        }),
        new(ContentLibrary, "QuestionDomains", new() { ["QuestionId"] = "cpim-q-1", ["CredentialId"] = "cpim", ["DomainId"] = "inventory" }),
        new(ContentLibrary, "CaseSets", new() { ["Id"] = "cpim-case-1", ["Title"] = "A case", ["Stem"] = "Text", ["SourcePath"] = "cpim/questions/eoq.md", ["ContentHash"] = "k1", ["IsRetired"] = false }),
        new(ContentLibrary, "ContentImports", new()
        {
            ["Trigger"] = "startup", ["StartedUtc"] = Created, ["FinishedUtc"] = Created, ["Files"] = 3, ["RejectedFiles"] = 0, ["Errors"] = 0, ["Warnings"] = 1,
            ["Added"] = 1, ["NewVersions"] = 0, ["Retired"] = 0, ["Unchanged"] = 0,
        }),
        new(ContentLibrary, "ContentProblems", new()
        {
            ["ImportId"] = 1L, ["Path"] = "cpim/questions/eoq.md", ["Line"] = 12, ["Column"] = 3, ["IsError"] = false,
            ["Code"] = "question.no-source", ["Message"] = "Add a source.",
        }),
        new(ContentLibrary, "ModuleReads", new() { ["UserId"] = UserId, ["ModuleId"] = "cpim-demand", ["ReadUtc"] = Created }),
        new(PracticeAndExams, "Enrolments", new()
        {
            ["UserId"] = UserId, ["CredentialId"] = "cpim", ["FormId"] = "standard", ["ExamDate"] = new DateOnly(2027, 3, 15), ["WeeklyHours"] = 6, ["EnrolledUtc"] = Created,
        }),
        new(PracticeAndExams, "Attempts", new()
        {
            ["UserId"] = UserId, ["Kind"] = 2, ["CredentialId"] = "cpim", ["FormId"] = "standard", ["FormLength"] = "Quarter", ["Title"] = "Quarter mock exam",
            ["Seed"] = 42, ["StartedUtc"] = Created, ["DeadlineUtc"] = Created.AddMinutes(53), ["TimeLimitMinutes"] = 53, ["SubmittedUtc"] = Created.AddMinutes(40),
            ["AutoSubmitted"] = false, ["LastPosition"] = 3, ["LastActivityUtc"] = Created.AddMinutes(39), ["ScoredItems"] = 38, ["Correct"] = 27, ["SettingsJson"] = "{}",
        }),
        new(PracticeAndExams, "AttemptItems", new()
        {
            ["AttemptId"] = 1L, ["Position"] = 1, ["QuestionId"] = "cpim-q-1", ["QuestionVersionId"] = 1L, ["DomainId"] = "inventory", ["IsPretest"] = false,
            ["Seed"] = 7, ["Choices"] = "0,2", ["NumericText"] = "1,234.5", ["IsCorrect"] = true, ["Revision"] = 2, ["AnsweredUtc"] = Created.AddMinutes(1),
            ["TimeSpentMs"] = 45000, ["Flagged"] = true, ["Confidence"] = "Unsure", ["MissReason"] = "Misread",
        }),
        new(PracticeAndExams, "QuestionMarks", new() { ["UserId"] = UserId, ["QuestionId"] = "cpim-q-1", ["Flagged"] = true, ["Note"] = "Revisit EOQ.", ["UpdatedUtc"] = Created }),
        new(PracticeAndExams, "ProblemReports", new()
        {
            ["UserId"] = UserId, ["QuestionId"] = "cpim-q-1", ["QuestionVersionId"] = 1L, ["Text"] = "Option B is also defensible.", ["CreatedUtc"] = Created,
            ["ClosedUtc"] = Created.AddDays(1), ["ClosedByUserId"] = UserId, ["Resolution"] = "Reworded option B.",
        }),
        new(SpacedRepetition, "ReviewCards", new()
        {
            ["UserId"] = UserId, ["Kind"] = "Question", ["ItemId"] = "cpim-q-1", ["CredentialId"] = "cpim", ["Topic"] = "EOQ", ["State"] = "Review",
            ["Stability"] = 12.5, ["Difficulty"] = 5.25, ["Step"] = 0, ["Reps"] = 4, ["Lapses"] = 1, ["LastReviewUtc"] = Created, ["LastReviewDay"] = 739500,
            ["ElapsedDays"] = 6, ["ScheduledDays"] = 13, ["DueUtc"] = Created.AddDays(13), ["DueDay"] = 739513, ["Seed"] = 1234567890123L, ["CreatedUtc"] = Created,
        }),
        new(SpacedRepetition, "ReviewLogs", new()
        {
            ["CardId"] = 1L, ["UserId"] = UserId, ["ReviewedUtc"] = Created, ["Day"] = 739500, ["Grade"] = 3, ["Source"] = "Review", ["WasNew"] = false, ["Correct"] = true,
            ["Confidence"] = "Sure", ["TimeMs"] = 31000, ["QuestionType"] = "Single", ["ItemSeed"] = 77, ["QuestionVersionId"] = 1L, ["Choices"] = "1",
            ["NumericText"] = "12.5", ["ScheduledDays"] = 13, ["Stability"] = 12.5, ["Difficulty"] = 5.25, ["PreviousJson"] = "{\"Reps\":3}",
        }),
        new(SpacedRepetition, "StudySettings", new()
        {
            ["UserId"] = UserId, ["DesiredRetention"] = 0.85, ["ExamTarget"] = 0.9, ["NewPerDay"] = 15, ["ReviewsPerDay"] = 150, ["EasyDays"] = "XNNNNNR",
            ["TimeZone"] = "Europe/Berlin", ["DayStartMinutes"] = 240, ["UpdatedUtc"] = Created,
        }),
        new(SpacedRepetition, "ReviewDays", new()
        {
            ["UserId"] = UserId, ["Day"] = 739500, ["PreparedUtc"] = Created, ["DueCount"] = 3, ["NewCardsAllowed"] = true, ["QueueJson"] = "[1]", ["ForecastJson"] = "{}",
        }),
        new(Abilities, "AbilityStates", new()
        {
            ["UserId"] = UserId, ["CredentialId"] = "cpim", ["Responses"] = 12, ["StateJson"] = "{\"Overall\":{\"Mean\":0.4,\"Sd\":0.5,\"Responses\":12,\"Last\":null},\"Domains\":{}}", ["UpdatedUtc"] = Created,
        }),
        new(CalibrationAndSnapshots, "ItemCalibrations", new() { ["QuestionVersionId"] = 1L, ["A"] = 1.25, ["B"] = -0.5, ["C"] = 0.25, ["Responses"] = 140, ["CalibratedUtc"] = Created }),
        new(CalibrationAndSnapshots, "MasterySnapshots", new() { ["UserId"] = UserId, ["CredentialId"] = "cpim", ["Day"] = new DateOnly(2026, 11, 30), ["MasteryJson"] = "{\"inventory\":0.62}" }),
        new(StudyPlans, "StudyPlans", new()
        {
            ["UserId"] = UserId, ["CredentialId"] = "cpim", ["Day"] = new DateOnly(2026, 11, 30), ["ComputedUtc"] = Created, ["Revision"] = 3, ["Fits"] = false,
            ["ShortfallMinutes"] = 95, ["PlanData"] = new byte[] { 31, 139, 8, 0 },
        }),
        new(StudyPlans, "StudyPlanDays", new()
        {
            ["UserId"] = UserId, ["CredentialId"] = "cpim", ["Date"] = new DateOnly(2026, 12, 1), ["BudgetMinutes"] = 60, ["PlannedMinutes"] = 55, ["TasksJson"] = "[]",
        }),
        new(StudyPlans, "StudyPlanChanges", new()
        {
            ["UserId"] = UserId, ["CredentialId"] = "cpim", ["ChangedUtc"] = Created, ["Trigger"] = "nightly", ["ChangesJson"] = "[\"Nothing needed to change.\"]",
        }),
        new(StudyPlans, "CalendarFeeds", new() { ["UserId"] = UserId, ["Token"] = "k7Jq2x", ["CreatedUtc"] = Created }),
        new(DataProtectionKeys, "DataProtectionKeys", new() { ["FriendlyName"] = "key-0001", ["Xml"] = "<key id=\"0001\" version=\"1\" />" }),
    ];
}

/// <summary>A row inserted with plain parameterised SQL, and found again by all of its values.</summary>
public sealed record SeedRow(string IntroducedBy, string Table, Dictionary<string, object> Values)
{
    public async Task InsertAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        var columns = Values.Keys.ToList();
        command.CommandText = $"INSERT INTO {Quote(Table)} ({string.Join(", ", columns.Select(Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        AddParameters(command, columns);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    public async Task<long> CountMatchesAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        var columns = Values.Keys.ToList();
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(Table)} WHERE {string.Join(" AND ", columns.Select((c, i) => $"{Quote(c)} = @p{i}"))}";
        AddParameters(command, columns);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    // Quartz's PostgreSQL tables are unquoted (folded to lower case); EF's tables are quoted with their exact case.
    private string Quote(string identifier) =>
        Table.StartsWith("QRTZ_", StringComparison.Ordinal) ? identifier.ToLowerInvariant() : $"\"{identifier}\"";

    private void AddParameters(DbCommand command, List<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = Values[columns[i]];
            command.Parameters.Add(parameter);
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CertPrep.Web.Data.Migrations;

/// <summary>Enrolments, practice quizzes and mock exams with their items, learners' flags and notes, problem reports.</summary>
[DbContext(typeof(CertPrepDbContext))]
[Migration("20261122050000_PracticeAndExams")]
public sealed class PracticeAndExams : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Enrolments",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                CredentialId = table.Column<string>(maxLength: 100, nullable: false),
                FormId = table.Column<string>(maxLength: 100, nullable: true),
                ExamDate = table.Column<DateOnly>(nullable: true),
                WeeklyHours = table.Column<int>(nullable: true),
                EnrolledUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Enrolments", x => new { x.UserId, x.CredentialId });
                table.ForeignKey("FK_Enrolments_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Attempts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Kind = table.Column<int>(nullable: false),
                CredentialId = table.Column<string>(maxLength: 100, nullable: false),
                FormId = table.Column<string>(maxLength: 100, nullable: true),
                FormLength = table.Column<string>(maxLength: 20, nullable: true),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Seed = table.Column<int>(nullable: false),
                StartedUtc = table.Column<DateTime>(nullable: false),
                DeadlineUtc = table.Column<DateTime>(nullable: true),
                TimeLimitMinutes = table.Column<int>(nullable: true),
                SubmittedUtc = table.Column<DateTime>(nullable: true),
                AutoSubmitted = table.Column<bool>(nullable: false),
                LastPosition = table.Column<int>(nullable: true),
                LastActivityUtc = table.Column<DateTime>(nullable: true),
                ScoredItems = table.Column<int>(nullable: true),
                Correct = table.Column<int>(nullable: true),
                SettingsJson = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Attempts", x => x.Id);
                table.ForeignKey("FK_Attempts_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AttemptItems",
            columns: table => new
            {
                AttemptId = table.Column<long>(nullable: false),
                Position = table.Column<int>(nullable: false),
                QuestionId = table.Column<string>(maxLength: 100, nullable: false),
                QuestionVersionId = table.Column<long>(nullable: false),
                DomainId = table.Column<string>(maxLength: 100, nullable: false),
                IsPretest = table.Column<bool>(nullable: false),
                Seed = table.Column<int>(nullable: false),
                Choices = table.Column<string>(maxLength: 100, nullable: true),
                NumericText = table.Column<string>(maxLength: 100, nullable: true),
                IsCorrect = table.Column<bool>(nullable: true),
                Revision = table.Column<int>(nullable: false),
                AnsweredUtc = table.Column<DateTime>(nullable: true),
                TimeSpentMs = table.Column<int>(nullable: false),
                Flagged = table.Column<bool>(nullable: false),
                Confidence = table.Column<string>(maxLength: 20, nullable: true),
                MissReason = table.Column<string>(maxLength: 20, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AttemptItems", x => new { x.AttemptId, x.Position });
                table.ForeignKey("FK_AttemptItems_Attempts_AttemptId", x => x.AttemptId, "Attempts", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AttemptItems_QuestionVersions_QuestionVersionId", x => x.QuestionVersionId, "QuestionVersions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "QuestionMarks",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                QuestionId = table.Column<string>(maxLength: 100, nullable: false),
                Flagged = table.Column<bool>(nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_QuestionMarks", x => new { x.UserId, x.QuestionId });
                table.ForeignKey("FK_QuestionMarks_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProblemReports",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                QuestionId = table.Column<string>(maxLength: 100, nullable: false),
                QuestionVersionId = table.Column<long>(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                ClosedUtc = table.Column<DateTime>(nullable: true),
                ClosedByUserId = table.Column<string>(maxLength: 450, nullable: true),
                Resolution = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProblemReports", x => x.Id);
                table.ForeignKey("FK_ProblemReports_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ProblemReports_QuestionVersions_QuestionVersionId", x => x.QuestionVersionId, "QuestionVersions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_Attempts_SubmittedUtc_DeadlineUtc", "Attempts", ["SubmittedUtc", "DeadlineUtc"]);
        migrationBuilder.CreateIndex("IX_Attempts_UserId_Kind_StartedUtc", "Attempts", ["UserId", "Kind", "StartedUtc"]);
        migrationBuilder.CreateIndex("IX_AttemptItems_QuestionVersionId", "AttemptItems", "QuestionVersionId");
        migrationBuilder.CreateIndex("IX_ProblemReports_ClosedUtc_QuestionId", "ProblemReports", ["ClosedUtc", "QuestionId"]);
        migrationBuilder.CreateIndex("IX_ProblemReports_QuestionVersionId", "ProblemReports", "QuestionVersionId");
        migrationBuilder.CreateIndex("IX_ProblemReports_UserId", "ProblemReports", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "ProblemReports", "QuestionMarks", "AttemptItems", "Attempts", "Enrolments" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}

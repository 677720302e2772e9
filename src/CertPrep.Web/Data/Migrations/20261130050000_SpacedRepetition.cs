using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CertPrep.Web.Data.Migrations;

/// <summary>Spaced-repetition cards and their review log, learners' study settings, and prepared review days.</summary>
[DbContext(typeof(CertPrepDbContext))]
[Migration("20261130050000_SpacedRepetition")]
public sealed class SpacedRepetition : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ReviewCards",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                ItemId = table.Column<string>(maxLength: 100, nullable: false),
                CredentialId = table.Column<string>(maxLength: 100, nullable: false),
                Topic = table.Column<string>(maxLength: 200, nullable: true),
                State = table.Column<string>(maxLength: 20, nullable: false),
                Stability = table.Column<double>(nullable: false),
                Difficulty = table.Column<double>(nullable: false),
                Step = table.Column<int>(nullable: false),
                Reps = table.Column<int>(nullable: false),
                Lapses = table.Column<int>(nullable: false),
                LastReviewUtc = table.Column<DateTime>(nullable: true),
                LastReviewDay = table.Column<int>(nullable: false),
                ElapsedDays = table.Column<int>(nullable: false),
                ScheduledDays = table.Column<int>(nullable: false),
                DueUtc = table.Column<DateTime>(nullable: false),
                DueDay = table.Column<int>(nullable: false),
                Seed = table.Column<long>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewCards", x => x.Id);
                table.ForeignKey("FK_ReviewCards_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReviewCards_UserId_Kind_ItemId", "ReviewCards", ["UserId", "Kind", "ItemId"], unique: true);
        migrationBuilder.CreateIndex("IX_ReviewCards_UserId_DueDay", "ReviewCards", ["UserId", "DueDay"]);

        migrationBuilder.CreateTable(
            name: "ReviewLogs",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CardId = table.Column<long>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                ReviewedUtc = table.Column<DateTime>(nullable: false),
                Day = table.Column<int>(nullable: false),
                Grade = table.Column<int>(nullable: false),
                Source = table.Column<string>(maxLength: 20, nullable: false),
                WasNew = table.Column<bool>(nullable: false),
                Correct = table.Column<bool>(nullable: true),
                Confidence = table.Column<string>(maxLength: 20, nullable: true),
                TimeMs = table.Column<int>(nullable: true),
                QuestionType = table.Column<string>(maxLength: 20, nullable: true),
                ItemSeed = table.Column<int>(nullable: true),
                QuestionVersionId = table.Column<long>(nullable: true),
                Choices = table.Column<string>(maxLength: 100, nullable: true),
                NumericText = table.Column<string>(maxLength: 100, nullable: true),
                ScheduledDays = table.Column<int>(nullable: false),
                Stability = table.Column<double>(nullable: false),
                Difficulty = table.Column<double>(nullable: false),
                PreviousJson = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewLogs", x => x.Id);
                table.ForeignKey("FK_ReviewLogs_ReviewCards_CardId", x => x.CardId, "ReviewCards", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ReviewLogs_CardId", "ReviewLogs", "CardId");
        migrationBuilder.CreateIndex("IX_ReviewLogs_UserId_ReviewedUtc", "ReviewLogs", ["UserId", "ReviewedUtc"]);

        migrationBuilder.CreateTable(
            name: "StudySettings",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                DesiredRetention = table.Column<double>(nullable: false),
                ExamTarget = table.Column<double>(nullable: false),
                NewPerDay = table.Column<int>(nullable: false),
                ReviewsPerDay = table.Column<int>(nullable: false),
                EasyDays = table.Column<string>(maxLength: 7, nullable: false),
                TimeZone = table.Column<string>(maxLength: 100, nullable: false),
                DayStartMinutes = table.Column<int>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StudySettings", x => x.UserId);
                table.ForeignKey("FK_StudySettings_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ReviewDays",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Day = table.Column<int>(nullable: false),
                PreparedUtc = table.Column<DateTime>(nullable: false),
                DueCount = table.Column<int>(nullable: false),
                NewCardsAllowed = table.Column<bool>(nullable: false),
                QueueJson = table.Column<string>(nullable: false),
                ForecastJson = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewDays", x => new { x.UserId, x.Day });
                table.ForeignKey("FK_ReviewDays_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReviewDays");
        migrationBuilder.DropTable("StudySettings");
        migrationBuilder.DropTable("ReviewLogs");
        migrationBuilder.DropTable("ReviewCards");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CertPrep.Web.Data.Migrations;

/// <summary>Study plans: each enrolment's plan, its days (past days kept), the re-plan log, study days and calendar feeds.</summary>
[DbContext(typeof(CertPrepDbContext))]
[Migration("20261130090000_StudyPlans")]
public sealed class StudyPlans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "StudyDays", table: "Enrolments", maxLength: 7, nullable: true);
        migrationBuilder.AddColumn<int>(name: "StudyStartMinutes", table: "Enrolments", nullable: true);
        migrationBuilder.AddColumn<bool>(name: "LighterPlan", table: "Enrolments", nullable: true);

        migrationBuilder.CreateTable(
            name: "StudyPlans",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                CredentialId = table.Column<string>(maxLength: 100, nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                ComputedUtc = table.Column<DateTime>(nullable: false),
                Revision = table.Column<int>(nullable: false),
                Fits = table.Column<bool>(nullable: false),
                ShortfallMinutes = table.Column<int>(nullable: false),
                PlanData = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StudyPlans", x => new { x.UserId, x.CredentialId });
                table.ForeignKey("FK_StudyPlans_Enrolments_UserId_CredentialId", x => new { x.UserId, x.CredentialId }, "Enrolments", ["UserId", "CredentialId"], onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "StudyPlanDays",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                CredentialId = table.Column<string>(maxLength: 100, nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                BudgetMinutes = table.Column<int>(nullable: false),
                PlannedMinutes = table.Column<int>(nullable: false),
                TasksJson = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StudyPlanDays", x => new { x.UserId, x.CredentialId, x.Date });
                table.ForeignKey("FK_StudyPlanDays_Enrolments_UserId_CredentialId", x => new { x.UserId, x.CredentialId }, "Enrolments", ["UserId", "CredentialId"], onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_StudyPlanDays_Date", "StudyPlanDays", "Date");

        migrationBuilder.CreateTable(
            name: "StudyPlanChanges",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                CredentialId = table.Column<string>(maxLength: 100, nullable: false),
                ChangedUtc = table.Column<DateTime>(nullable: false),
                Trigger = table.Column<string>(maxLength: 40, nullable: false),
                ChangesJson = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StudyPlanChanges", x => x.Id);
                table.ForeignKey("FK_StudyPlanChanges_Enrolments_UserId_CredentialId", x => new { x.UserId, x.CredentialId }, "Enrolments", ["UserId", "CredentialId"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_StudyPlanChanges_UserId_CredentialId_ChangedUtc", "StudyPlanChanges", ["UserId", "CredentialId", "ChangedUtc"]);
        migrationBuilder.CreateIndex("IX_StudyPlanChanges_ChangedUtc", "StudyPlanChanges", "ChangedUtc");

        migrationBuilder.CreateTable(
            name: "CalendarFeeds",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Token = table.Column<string>(maxLength: 64, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarFeeds", x => x.UserId);
                table.ForeignKey("FK_CalendarFeeds_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CalendarFeeds_Token", "CalendarFeeds", "Token", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CalendarFeeds");
        migrationBuilder.DropTable("StudyPlanChanges");
        migrationBuilder.DropTable("StudyPlanDays");
        migrationBuilder.DropTable("StudyPlans");
        migrationBuilder.DropColumn(name: "LighterPlan", table: "Enrolments");
        migrationBuilder.DropColumn(name: "StudyStartMinutes", table: "Enrolments");
        migrationBuilder.DropColumn(name: "StudyDays", table: "Enrolments");
    }
}

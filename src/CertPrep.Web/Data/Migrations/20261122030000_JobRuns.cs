using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CertPrep.Web.Data.Migrations;

/// <summary>History of background job runs, shown on the admin jobs page.</summary>
[DbContext(typeof(CertPrepDbContext))]
[Migration("20261122030000_JobRuns")]
public sealed class JobRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "JobRuns",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                JobName = table.Column<string>(maxLength: 200, nullable: false),
                TriggerName = table.Column<string>(maxLength: 200, nullable: false),
                FireInstanceId = table.Column<string>(maxLength: 200, nullable: false),
                NodeName = table.Column<string>(maxLength: 200, nullable: false),
                ScheduledFireUtc = table.Column<DateTime>(nullable: false),
                StartedUtc = table.Column<DateTime>(nullable: false),
                FinishedUtc = table.Column<DateTime>(nullable: true),
                RetryAttempt = table.Column<int>(nullable: false),
                Outcome = table.Column<int>(nullable: false),
                Error = table.Column<string>(maxLength: 4000, nullable: true),
                RetryScheduled = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_JobRuns", x => x.Id));

        migrationBuilder.CreateIndex("IX_JobRuns_FireInstanceId_RetryAttempt", "JobRuns", ["FireInstanceId", "RetryAttempt"], unique: true);
        migrationBuilder.CreateIndex("IX_JobRuns_JobName_StartedUtc", "JobRuns", ["JobName", "StartedUtc"]);
        migrationBuilder.CreateIndex("IX_JobRuns_Outcome_StartedUtc", "JobRuns", ["Outcome", "StartedUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("JobRuns");
}

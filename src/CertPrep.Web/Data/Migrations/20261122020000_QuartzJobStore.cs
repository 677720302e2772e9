using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CertPrep.Web.Data.Migrations;

/// <summary>Quartz.NET's persistent job store (see <see cref="QuartzSchema"/>). The one provider-specific migration.</summary>
[DbContext(typeof(CertPrepDbContext))]
[Migration("20261122020000_QuartzJobStore")]
public sealed class QuartzJobStore : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var statements = migrationBuilder.IsSqlite() ? QuartzSchema.Sqlite
            : migrationBuilder.IsNpgsql() ? QuartzSchema.PostgreSql
            : throw new NotSupportedException($"No Quartz schema for provider {migrationBuilder.ActiveProvider}.");
        foreach (var statement in statements)
        {
            migrationBuilder.Sql(statement);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        string[] tables =
        [
            "FIRED_TRIGGERS", "PAUSED_TRIGGER_GRPS", "PAUSED_JOB_GRPS", "SCHEDULER_STATE", "LOCKS", "SIMPLE_TRIGGERS",
            "SIMPROP_TRIGGERS", "CRON_TRIGGERS", "BLOB_TRIGGERS", "TRIGGERS", "JOB_DETAILS", "CALENDARS",
            "EXECUTION_HISTORY", "MISFIRE_HISTORY", "JOB_STATUS",
        ];
        foreach (var table in tables)
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS QRTZ_{table};");
        }
    }
}

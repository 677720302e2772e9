using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CertPrep.Web.Data.Migrations;

/// <summary>
/// An index on a learner's review log by day: the review page counts today's reviews against the daily limits on
/// every card, and without it that read every review the learner ever made (found by the 100,000-learner load run).
/// </summary>
[DbContext(typeof(CertPrepDbContext))]
[Migration("20261130110000_ReviewLogDays")]
public sealed class ReviewLogDays : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_ReviewLogs_UserId_Day", "ReviewLogs", ["UserId", "Day"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_ReviewLogs_UserId_Day", "ReviewLogs");
}

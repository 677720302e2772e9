using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CertPrep.Web.Data.Migrations;

/// <summary>Fitted item parameters (nightly recalibration) and daily mastery snapshots (trend charts).</summary>
[DbContext(typeof(CertPrepDbContext))]
[Migration("20261130080000_CalibrationAndSnapshots")]
public sealed class CalibrationAndSnapshots : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ItemCalibrations",
            columns: table => new
            {
                QuestionVersionId = table.Column<long>(nullable: false),
                A = table.Column<double>(nullable: false),
                B = table.Column<double>(nullable: false),
                C = table.Column<double>(nullable: false),
                Responses = table.Column<int>(nullable: false),
                CalibratedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ItemCalibrations", x => x.QuestionVersionId);
                table.ForeignKey("FK_ItemCalibrations_QuestionVersions_QuestionVersionId", x => x.QuestionVersionId, "QuestionVersions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MasterySnapshots",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                CredentialId = table.Column<string>(maxLength: 100, nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                MasteryJson = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MasterySnapshots", x => new { x.UserId, x.CredentialId, x.Day });
                table.ForeignKey("FK_MasterySnapshots_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("MasterySnapshots");
        migrationBuilder.DropTable("ItemCalibrations");
    }
}

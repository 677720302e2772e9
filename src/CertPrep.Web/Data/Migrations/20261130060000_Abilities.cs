using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CertPrep.Web.Data.Migrations;

/// <summary>Learners' abilities per credential (overall and per domain), updated with every answer.</summary>
[DbContext(typeof(CertPrepDbContext))]
[Migration("20261130060000_Abilities")]
public sealed class Abilities : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AbilityStates",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                CredentialId = table.Column<string>(maxLength: 100, nullable: false),
                Responses = table.Column<int>(nullable: false),
                StateJson = table.Column<string>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AbilityStates", x => new { x.UserId, x.CredentialId });
                table.ForeignKey("FK_AbilityStates_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("AbilityStates");
}

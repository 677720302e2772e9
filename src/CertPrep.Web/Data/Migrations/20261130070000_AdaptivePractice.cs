using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CertPrep.Web.Data.Migrations;

/// <summary>Adaptive sessions say why each item was chosen.</summary>
[DbContext(typeof(CertPrepDbContext))]
[Migration("20261130070000_AdaptivePractice")]
public sealed class AdaptivePractice : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "SelectionReason", table: "AttemptItems", maxLength: 200, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "SelectionReason", table: "AttemptItems");
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CertPrep.Web.Data.Migrations;

/// <summary>The imported content: credentials, modules, glossary, versioned questions, case sets, import history.</summary>
[DbContext(typeof(CertPrepDbContext))]
[Migration("20261122040000_ContentLibrary")]
public sealed class ContentLibrary : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CaseSets",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 100, nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Stem = table.Column<string>(nullable: false),
                SourcePath = table.Column<string>(maxLength: 400, nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                IsRetired = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CaseSets", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ContentImports",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Trigger = table.Column<string>(maxLength: 50, nullable: false),
                StartedUtc = table.Column<DateTime>(nullable: false),
                FinishedUtc = table.Column<DateTime>(nullable: false),
                Files = table.Column<int>(nullable: false),
                RejectedFiles = table.Column<int>(nullable: false),
                Errors = table.Column<int>(nullable: false),
                Warnings = table.Column<int>(nullable: false),
                Added = table.Column<int>(nullable: false),
                NewVersions = table.Column<int>(nullable: false),
                Retired = table.Column<int>(nullable: false),
                Unchanged = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ContentImports", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Credentials",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 100, nullable: false),
                Name = table.Column<string>(maxLength: 300, nullable: false),
                Issuer = table.Column<string>(maxLength: 200, nullable: false),
                DefinitionJson = table.Column<string>(nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                IsRetired = table.Column<bool>(nullable: false),
                ImportedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Credentials", x => x.Id));

        migrationBuilder.CreateTable(
            name: "GlossaryTerms",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 200, nullable: false),
                Term = table.Column<string>(maxLength: 200, nullable: false),
                Definition = table.Column<string>(nullable: false),
                MetadataJson = table.Column<string>(nullable: false),
                SourcePath = table.Column<string>(maxLength: 400, nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                IsRetired = table.Column<bool>(nullable: false),
                ImportedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_GlossaryTerms", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Modules",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 100, nullable: false),
                CredentialId = table.Column<string>(maxLength: 100, nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Summary = table.Column<string>(maxLength: 1000, nullable: true),
                Order = table.Column<int>(nullable: false),
                ReadingMinutes = table.Column<int>(nullable: false),
                MetadataJson = table.Column<string>(nullable: false),
                Markdown = table.Column<string>(nullable: false),
                SourcePath = table.Column<string>(maxLength: 400, nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                IsRetired = table.Column<bool>(nullable: false),
                ImportedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Modules", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Questions",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 100, nullable: false),
                CurrentVersion = table.Column<int>(nullable: false),
                IsRetired = table.Column<bool>(nullable: false),
                FirstImportedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Questions", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ContentProblems",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ImportId = table.Column<long>(nullable: false),
                Path = table.Column<string>(maxLength: 400, nullable: false),
                Line = table.Column<int>(nullable: false),
                Column = table.Column<int>(nullable: false),
                IsError = table.Column<bool>(nullable: false),
                Code = table.Column<string>(maxLength: 100, nullable: false),
                Message = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContentProblems", x => x.Id);
                table.ForeignKey("FK_ContentProblems_ContentImports_ImportId", x => x.ImportId, "ContentImports", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "QuestionDomains",
            columns: table => new
            {
                QuestionId = table.Column<string>(maxLength: 100, nullable: false),
                CredentialId = table.Column<string>(maxLength: 100, nullable: false),
                DomainId = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_QuestionDomains", x => new { x.QuestionId, x.CredentialId, x.DomainId });
                table.ForeignKey("FK_QuestionDomains_Questions_QuestionId", x => x.QuestionId, "Questions", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "QuestionVersions",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                QuestionId = table.Column<string>(maxLength: 100, nullable: false),
                Number = table.Column<int>(nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                Type = table.Column<string>(maxLength: 20, nullable: false),
                Topic = table.Column<string>(maxLength: 200, nullable: false),
                Bloom = table.Column<string>(maxLength: 20, nullable: false),
                Difficulty = table.Column<string>(maxLength: 20, nullable: false),
                Source = table.Column<string>(maxLength: 300, nullable: true),
                CaseId = table.Column<string>(maxLength: 100, nullable: true),
                Stem = table.Column<string>(nullable: false),
                BodyJson = table.Column<string>(nullable: false),
                Explanation = table.Column<string>(nullable: false),
                SourcePath = table.Column<string>(maxLength: 400, nullable: false),
                SourceLine = table.Column<int>(nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_QuestionVersions", x => x.Id);
                table.ForeignKey("FK_QuestionVersions_Questions_QuestionId", x => x.QuestionId, "Questions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ModuleReads",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                ReadUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ModuleReads", x => new { x.UserId, x.ModuleId });
                table.ForeignKey("FK_ModuleReads_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ContentImports_StartedUtc", "ContentImports", "StartedUtc");
        migrationBuilder.CreateIndex("IX_ContentProblems_ImportId", "ContentProblems", "ImportId");
        migrationBuilder.CreateIndex("IX_Modules_CredentialId_Order", "Modules", ["CredentialId", "Order"]);
        migrationBuilder.CreateIndex("IX_QuestionDomains_CredentialId_DomainId", "QuestionDomains", ["CredentialId", "DomainId"]);
        migrationBuilder.CreateIndex("IX_QuestionVersions_QuestionId_ContentHash", "QuestionVersions", ["QuestionId", "ContentHash"], unique: true);
        migrationBuilder.CreateIndex("IX_QuestionVersions_QuestionId_Number", "QuestionVersions", ["QuestionId", "Number"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "ModuleReads", "ContentProblems", "QuestionDomains", "QuestionVersions", "CaseSets", "ContentImports", "Credentials", "GlossaryTerms", "Modules", "Questions" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digest.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Grounding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Thread",
                table: "post_sections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ThreadUrl",
                table: "post_sections",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommentsRead",
                table: "generation_runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SentencesFlaggedByModel",
                table: "generation_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SentencesGrounded",
                table: "generation_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SentencesUnsupported",
                table: "generation_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SentencesWritten",
                table: "generation_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "second_opinion_findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sentence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_second_opinion_findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_second_opinion_findings_post_sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "post_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "section_evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    PostedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ThreadUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ThreadSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_section_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_section_evidence_post_sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "post_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_second_opinion_findings_SectionId",
                table: "second_opinion_findings",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_section_evidence_SectionId_Position",
                table: "section_evidence",
                columns: new[] { "SectionId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "second_opinion_findings");

            migrationBuilder.DropTable(
                name: "section_evidence");

            migrationBuilder.DropColumn(
                name: "Thread",
                table: "post_sections");

            migrationBuilder.DropColumn(
                name: "ThreadUrl",
                table: "post_sections");

            migrationBuilder.DropColumn(
                name: "CommentsRead",
                table: "generation_runs");

            migrationBuilder.DropColumn(
                name: "SentencesFlaggedByModel",
                table: "generation_runs");

            migrationBuilder.DropColumn(
                name: "SentencesGrounded",
                table: "generation_runs");

            migrationBuilder.DropColumn(
                name: "SentencesUnsupported",
                table: "generation_runs");

            migrationBuilder.DropColumn(
                name: "SentencesWritten",
                table: "generation_runs");
        }
    }
}

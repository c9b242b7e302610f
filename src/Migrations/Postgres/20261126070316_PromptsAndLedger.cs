using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digest.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PromptsAndLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CachedAnswers",
                table: "generation_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ModelCalls",
                table: "generation_runs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Prompts",
                table: "generation_runs",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SectionNotes",
                table: "generation_runs",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "model_answer_cache",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AnswerJson = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_model_answer_cache", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "model_calls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: true),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Section = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Prompt = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Model = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PromptTokens = table.Column<int>(type: "integer", nullable: false),
                    CompletionTokens = table.Column<int>(type: "integer", nullable: false),
                    LatencyMs = table.Column<int>(type: "integer", nullable: false),
                    EstimatedCost = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    FromCache = table.Column<bool>(type: "boolean", nullable: false),
                    IsRepair = table.Column<bool>(type: "boolean", nullable: false),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_model_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prompt_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prompt_versions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_model_answer_cache_CreatedAt",
                table: "model_answer_cache",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_model_calls_Model_At",
                table: "model_calls",
                columns: new[] { "Model", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_model_calls_RunId",
                table: "model_calls",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_prompt_versions_Name_IsActive",
                table: "prompt_versions",
                columns: new[] { "Name", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_prompt_versions_Name_Version",
                table: "prompt_versions",
                columns: new[] { "Name", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "model_answer_cache");

            migrationBuilder.DropTable(
                name: "model_calls");

            migrationBuilder.DropTable(
                name: "prompt_versions");

            migrationBuilder.DropColumn(
                name: "CachedAnswers",
                table: "generation_runs");

            migrationBuilder.DropColumn(
                name: "ModelCalls",
                table: "generation_runs");

            migrationBuilder.DropColumn(
                name: "Prompts",
                table: "generation_runs");

            migrationBuilder.DropColumn(
                name: "SectionNotes",
                table: "generation_runs");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digest.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunLeaseAndAuditOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatAt",
                table: "generation_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JobId",
                table: "generation_runs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "generation_runs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ActorId",
                table: "audit_log",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "audit_log",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Runs left Running by a killed process would break the new index: of several for one edition, all but the
            // newest are failed here (the newest is left to recovery, which can tell whether its process is alive).
            migrationBuilder.Sql("""
                UPDATE generation_runs SET "Status" = 'Failed', "Message" = 'Left running by a process that stopped; found when the edition lock was added.'
                WHERE "Status" = 'Running' AND EXISTS (
                    SELECT 1 FROM generation_runs AS newer
                    WHERE newer."EditionDate" = generation_runs."EditionDate" AND newer."Status" = 'Running' AND newer."StartedAt" > generation_runs."StartedAt");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_generation_runs_one_running_per_edition",
                table: "generation_runs",
                column: "EditionDate",
                unique: true,
                filter: "\"Status\" = 'Running'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_generation_runs_one_running_per_edition",
                table: "generation_runs");

            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                table: "generation_runs");

            migrationBuilder.DropColumn(
                name: "JobId",
                table: "generation_runs");

            migrationBuilder.DropColumn(
                name: "Owner",
                table: "generation_runs");

            migrationBuilder.DropColumn(
                name: "ActorId",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "audit_log");
        }
    }
}

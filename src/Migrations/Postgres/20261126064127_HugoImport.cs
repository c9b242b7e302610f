using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digest.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HugoImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Aliases",
                table: "posts",
                type: "text[]",
                nullable: false,
                // Posts that exist before this migration had no old addresses; NOT NULL needs a value for them.
                defaultValue: new List<string>());

            migrationBuilder.AddColumn<string>(
                name: "ImportChecksum",
                table: "posts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Aliases",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "ImportChecksum",
                table: "posts");
        }
    }
}

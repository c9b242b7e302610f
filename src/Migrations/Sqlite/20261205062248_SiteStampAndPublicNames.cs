using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digest.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SiteStampAndPublicNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "site_stamp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_stamp", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "site_stamp",
                columns: new[] { "Id", "ChangedAt", "Value" },
                values: new object[] { 1, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), new Guid("00000000-0000-0000-0000-000000000000") });

            // Readers see an account's public name, never its email. A public name that is an address (or blank) is
            // cleared, so the account is shown by its role until its user picks a name (hand-written, the same on
            // both providers).
            migrationBuilder.Sql("""UPDATE "AspNetUsers" SET "DisplayName" = NULL WHERE "DisplayName" LIKE '%@%' OR TRIM("DisplayName") = '';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "site_stamp");
        }
    }
}

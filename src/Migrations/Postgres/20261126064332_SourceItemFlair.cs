using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digest.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SourceItemFlair : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Flair",
                table: "source_items",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Flair",
                table: "source_items");
        }
    }
}

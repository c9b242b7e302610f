using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digest.Migrations.Sqlite
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
                type: "TEXT",
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

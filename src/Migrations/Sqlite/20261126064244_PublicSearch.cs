using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digest.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.Sql(Digest.Infrastructure.Search.SqliteSearchIndex.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Digest.Infrastructure.Search.SqliteSearchIndex.Drop);

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "posts");
        }
    }
}

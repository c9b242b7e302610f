using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Digest.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "posts",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(\"SearchText\", '')), 'B')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_posts_SearchVector",
                table: "posts",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_posts_SearchVector",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "posts");
        }
    }
}

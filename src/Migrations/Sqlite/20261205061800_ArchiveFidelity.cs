using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Digest.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArchiveFidelity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FeedLength",
                table: "site_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 30); // what the feeds carried before the setting existed

            migrationBuilder.AddColumn<string>(
                name: "ImportNotes",
                table: "posts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateTime>(
                name: "ImportedAt",
                table: "posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedFrom",
                table: "posts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceFrontMatter",
                table: "posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Lead",
                table: "post_sections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Markdown",
                table: "post_sections",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FeedLength",
                table: "site_settings");

            migrationBuilder.DropColumn(
                name: "ImportNotes",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "ImportedAt",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "ImportedFrom",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "SourceFrontMatter",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "Lead",
                table: "post_sections");

            migrationBuilder.DropColumn(
                name: "Markdown",
                table: "post_sections");
        }
    }
}

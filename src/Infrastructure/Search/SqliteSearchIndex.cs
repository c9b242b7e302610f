namespace Digest.Infrastructure.Search;

/// <summary>
/// The SQLite search index: an FTS5 table beside <c>posts</c>, kept in step by triggers, so every way a post is
/// written (editor, job, import, a hand-run SQL fix) updates it. The migration runs <see cref="Create"/>; the SQL
/// lives here so a regenerated migration can call it again.
/// </summary>
/// <remarks>
/// The table holds its own copy of the text rather than pointing at posts' rowids: <c>posts</c> has a Guid key,
/// and SQLite may renumber the rowids of such a table on VACUUM.
/// </remarks>
public static class SqliteSearchIndex
{
    public const string Table = "posts_search";

    public const string Create = $"""
        CREATE VIRTUAL TABLE "{Table}" USING fts5("PostId" UNINDEXED, "Title", "Text", tokenize = 'porter unicode61 remove_diacritics 2');

        CREATE TRIGGER "posts_search_insert" AFTER INSERT ON "posts" BEGIN
            INSERT INTO "{Table}" ("PostId", "Title", "Text") VALUES (new."Id", new."Title", coalesce(new."SearchText", ''));
        END;

        CREATE TRIGGER "posts_search_update" AFTER UPDATE OF "Title", "SearchText" ON "posts" BEGIN
            DELETE FROM "{Table}" WHERE "PostId" = old."Id";
            INSERT INTO "{Table}" ("PostId", "Title", "Text") VALUES (new."Id", new."Title", coalesce(new."SearchText", ''));
        END;

        CREATE TRIGGER "posts_search_delete" AFTER DELETE ON "posts" BEGIN
            DELETE FROM "{Table}" WHERE "PostId" = old."Id";
        END;

        INSERT INTO "{Table}" ("PostId", "Title", "Text") SELECT "Id", "Title", coalesce("SearchText", '') FROM "posts";
        """;

    public const string Drop = $"""
        DROP TRIGGER IF EXISTS "posts_search_delete";
        DROP TRIGGER IF EXISTS "posts_search_update";
        DROP TRIGGER IF EXISTS "posts_search_insert";
        DROP TABLE IF EXISTS "{Table}";
        """;
}

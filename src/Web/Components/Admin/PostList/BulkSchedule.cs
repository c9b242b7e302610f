namespace Digest.Web.Components.Admin.PostList;

/// <summary>When the selected posts go out (wall-clock time in the site's zone), and why findings may be overridden.</summary>
public sealed record BulkSchedule(DateTime Local, string? OverrideReason);

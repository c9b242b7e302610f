namespace Digest.Web.PublicSite;

/// <summary>
/// Marks a page of the public site: static, no forms that post, the same for every reader. Such a page gets no
/// antiforgery token (see <see cref="PublicPageAntiforgery"/>), so it sets no cookie and the output cache can keep it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicPageAttribute : Attribute;

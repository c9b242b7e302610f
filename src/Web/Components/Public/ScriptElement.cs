using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Digest.Web.Components.Public;

/// <summary>
/// A &lt;script&gt; element for a static page's head. Razor refuses script tags in components (they would not run
/// after an interactive update); public pages are never interactive, so the element is written here.
/// <see cref="Json"/> must already be safe inside a script element (System.Text.Json escapes &lt; and &gt;).
/// </summary>
public sealed class ScriptElement : ComponentBase
{
    [Parameter] public string? Src { get; set; }

    [Parameter] public string? Type { get; set; }

    [Parameter] public string? Json { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "script");
        if (Type is not null)
        {
            builder.AddAttribute(1, "type", Type);
        }

        if (Src is not null)
        {
            builder.AddAttribute(2, "src", Src);
        }

        if (Json is not null)
        {
            builder.AddMarkupContent(3, Json);
        }

        builder.CloseElement();
    }
}

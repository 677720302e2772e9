namespace CertPrep.Web.Authoring;

/// <summary>Settings under <c>Content</c>.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder, absolute or relative to the content root. Defaults to the repository's <c>content/</c>.</summary>
    public string Path { get; set; } = "../../content";
}

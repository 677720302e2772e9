namespace CertPrep.Content.Validation;

/// <summary>What a relative link in content points at.</summary>
public enum LinkTargetKind
{
    /// <summary>A study module (optionally a section of it).</summary>
    Module,

    /// <summary>A glossary term.</summary>
    GlossaryTerm,

    /// <summary>Any other file in the content folder (an image, a download).</summary>
    File,
}

/// <summary>A relative content link, resolved to a content path and anchor.</summary>
/// <param name="Kind">What it points at.</param>
/// <param name="Path">Content path of the target file.</param>
/// <param name="Anchor">The part after '#', or null.</param>
public sealed record LinkTarget(LinkTargetKind Kind, string Path, string? Anchor);

/// <summary>Resolves relative links the way GitHub does (relative to the file that contains them).</summary>
public static class ContentLinks
{
    /// <summary>Resolves <paramref name="url"/> written in <paramref name="fromPath"/>; null when it leaves the content folder.</summary>
    public static LinkTarget? Resolve(string fromPath, string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var target = Uri.UnescapeDataString(hash >= 0 ? url[..hash] : url);
        var anchor = hash >= 0 ? url[(hash + 1)..] : null;
        var folder = fromPath.Contains('/', StringComparison.Ordinal) ? fromPath[..fromPath.LastIndexOf('/')] : "";
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in target.Split('/'))
        {
            switch (part)
            {
                case "" or ".":
                    break;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(part);
                    break;
            }
        }

        var path = string.Join('/', parts);
        var kind = parts switch
        {
            [_, "modules", _] when path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) => LinkTargetKind.Module,
            ["glossary", _] when path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) => LinkTargetKind.GlossaryTerm,
            _ => LinkTargetKind.File,
        };
        return new LinkTarget(kind, path, string.IsNullOrEmpty(anchor) ? null : anchor);
    }
}

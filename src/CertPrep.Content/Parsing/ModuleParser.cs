using CertPrep.Content.Diagnostics;
using CertPrep.Content.Model;
using CertPrep.Content.Rendering;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace CertPrep.Content.Parsing;

/// <summary>Reads a study module: front matter plus markdown body. See content/README.md for the format.</summary>
public static class ModuleParser
{
    /// <summary>Parses the module; null when it has errors. <paramref name="links"/> receives the body's links for validation.</summary>
    public static StudyModule? Parse(string text, string path, DiagnosticBag diagnostics, out IReadOnlyList<MarkdownLink> links)
    {
        links = [];
        var split = FrontMatter.Split(text);
        if (!split.Present)
        {
            diagnostics.Error(SourceLocation.StartOf(path), "module.no-front-matter", "A module starts with front matter: a '---' line, 'key: value' lines (id, credential, domains, order, title, objectives, keyTerms, readingMinutes), and a closing '---' line.");
            return null;
        }

        if (!split.Closed)
        {
            diagnostics.Error(SourceLocation.StartOf(path), "module.front-matter-unclosed", "The front matter has no closing '---' line.");
            return null;
        }

        var yaml = YamlMap.Parse(split.Yaml, path, split.YamlLine, diagnostics);
        if (yaml is null)
        {
            return null;
        }

        var id = yaml.RequiredString("id");
        if (id is not null && !QuestionFileParser.IsValidId(id))
        {
            diagnostics.Error(yaml.LocationOf("id"), "module.bad-id", $"'{id}' is not a valid id: use lower-case letters, digits and hyphens.");
        }

        var credential = yaml.RequiredString("credential");
        var domains = yaml.StringList("domains");
        if (domains.Count == 0)
        {
            diagnostics.Error(yaml.LocationOf("domains"), "module.no-domains", "List the credential's domains the module teaches under 'domains'.");
        }

        var order = yaml.Int("order", 1, 999);
        if (order is null && !yaml.Has("order"))
        {
            yaml.RequiredString("order");
        }

        var title = yaml.RequiredString("title");
        var summary = yaml.String("summary");
        var objectives = yaml.StringList("objectives");
        if (objectives.Count == 0)
        {
            diagnostics.Error(yaml.LocationOf("objectives"), "module.no-objectives", "List the learning objectives under 'objectives'.");
        }

        var keyTerms = yaml.StringList("keyTerms");
        var minutes = yaml.Int("readingMinutes", 1, 600);
        if (minutes is null && !yaml.Has("readingMinutes"))
        {
            yaml.RequiredString("readingMinutes");
        }

        var requires = yaml.StringList("requires");
        yaml.ReportUnknownKeys();

        if (string.IsNullOrWhiteSpace(split.Body))
        {
            diagnostics.Error(new(path, split.BodyLine, 1), "module.empty", "The module has no text after its front matter.");
        }

        if (!ContentMarkdown.TryParse(split.Body, out var document))
        {
            diagnostics.Error(new(path, split.BodyLine, 1), "markdown.too-deep", "The text is nested too deeply (quotes, lists or brackets inside each other) to be read.");
        }

        var sections = new List<ModuleSection>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var anchor = heading.GetAttributes().Id ?? "";
            var headingTitle = ContentMarkdown.PlainText(heading.Inline);
            sections.Add(new ModuleSection(anchor, headingTitle, heading.Level, heading.Line + split.BodyLine));
        }

        links = ContentMarkdown.Links(document, split.BodyLine);
        // With errors the loader leaves the file out, but other files are still checked against what could be read.
        return id is null || credential is null || title is null || order is null || minutes is null
            ? null
            : new StudyModule(id, credential, domains, order.Value, title, summary, objectives, keyTerms, minutes.Value, requires,
                split.Body, split.BodyLine, sections, new SourceLocation(path, 1, 1));
    }
}

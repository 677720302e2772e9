using System.Globalization;

namespace CertPrep.Content.Diagnostics;

/// <summary>How bad a content problem is: errors stop the import of the file, warnings do not.</summary>
public enum Severity
{
    /// <summary>The file imports; an author should still look.</summary>
    Warning,

    /// <summary>The file does not import until fixed.</summary>
    Error,
}

/// <summary>One problem in a content file, located by 1-based line and column.</summary>
/// <param name="Path">Path relative to the content root, with forward slashes.</param>
/// <param name="Line">1-based line; 1 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable short code, e.g. <c>question.no-key</c>, for filtering and tests.</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
public sealed record Diagnostic(string Path, int Line, int Column, Severity Severity, string Code, string Message)
{
    /// <summary>The <c>path:line:col: error|warning: message</c> form compilers use, which editors can jump to.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path}:{Line}:{Column}: {(Severity == Severity.Error ? "error" : "warning")}: {Message} [{Code}]");
}

/// <summary>A position in a content file.</summary>
/// <param name="Path">Path relative to the content root.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    /// <summary>The start of a file.</summary>
    public static SourceLocation StartOf(string path) => new(path, 1, 1);
}

/// <summary>Collects diagnostics while content is read.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Everything reported so far, in the order reported.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>Whether any error (not warning) was reported.</summary>
    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    /// <summary>Reports an error at a location.</summary>
    public void Error(SourceLocation at, string code, string message) => _items.Add(new(at.Path, at.Line, at.Column, Severity.Error, code, message));

    /// <summary>Reports a warning at a location.</summary>
    public void Warning(SourceLocation at, string code, string message) => _items.Add(new(at.Path, at.Line, at.Column, Severity.Warning, code, message));

    /// <summary>Adds diagnostics collected elsewhere.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}

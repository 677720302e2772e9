using System.Globalization;
using CertPrep.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertPrep.Content.Parsing;

/// <summary>
/// Reads one YAML mapping with diagnostics: every value is read by key with its type checked, every problem is
/// reported at the line and column it was written, and keys nobody asked for are reported as likely typos.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private YamlMap(YamlMappingNode node, string path, int lineOffset, DiagnosticBag diagnostics)
    {
        _node = node;
        _path = path;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
    }

    /// <summary>Where the mapping starts.</summary>
    public SourceLocation Location => At(_node);

    /// <summary>
    /// Parses <paramref name="yaml"/>, whose first line is line <paramref name="firstLine"/> of the file. Returns null
    /// (with an error reported) when it is not valid YAML or not a mapping.
    /// </summary>
    public static YamlMap? Parse(string yaml, string path, int firstLine, DiagnosticBag diagnostics)
    {
        // YamlDotNet counts U+0085, U+2028 and U+2029 as line breaks; editors do not. Read them as spaces so every
        // position reported matches the file's lines.
        yaml = yaml.Replace('\u0085', ' ').Replace('\u2028', ' ').Replace('\u2029', ' ');
        if (Pathological(yaml) is { } problem)
        {
            diagnostics.Error(new(path, problem.Line + firstLine - 1, problem.Column), "yaml.too-complex", problem.Message);
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var line = (int)Math.Max(1, ex.Start.Line) + firstLine - 1;
            diagnostics.Error(new(path, line, (int)Math.Max(1, ex.Start.Column)), "yaml.syntax", $"Invalid YAML: {Describe(ex)}");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet gives up on some malformed input (e.g. an unclosed '[') without a position: find the line.
            var (line, column) = FirstUnbalancedLine(yaml);
            diagnostics.Error(new(path, line + firstLine - 1, column), "yaml.syntax", "Invalid YAML: a '[', '{' or quote is not closed, or a value is malformed.");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlMap(new YamlMappingNode(), path, firstLine - 1, diagnostics);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            diagnostics.Error(new(path, firstLine, 1), "yaml.not-mapping", "Expected 'key: value' lines here.");
            return null;
        }

        return new YamlMap(mapping, path, firstLine - 1, diagnostics);
    }

    /// <summary>Whether the key is present (marks it as read).</summary>
    public bool Has(string key)
    {
        _read.Add(key);
        return Find(key) is not null;
    }

    /// <summary>A required text value; null (with an error) when missing or not text.</summary>
    public string? RequiredString(string key)
    {
        var value = String(key);
        if (value is null && Find(key) is null)
        {
            _diagnostics.Error(Location, "yaml.missing", $"Missing required key '{key}'.");
        }

        return value;
    }

    /// <summary>An optional text value.</summary>
    public string? String(string key)
    {
        _read.Add(key);
        switch (Find(key))
        {
            case null:
                return null;
            case YamlScalarNode scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return scalar.Value!.Trim();
            case YamlScalarNode scalar:
                _diagnostics.Error(At(scalar), "yaml.empty", $"'{key}' is empty.");
                return null;
            case var other:
                _diagnostics.Error(At(other), "yaml.type", $"'{key}' must be a single value, not a list or mapping.");
                return null;
        }
    }

    /// <summary>A list of text values; a single value is accepted as a list of one.</summary>
    public IReadOnlyList<string> StringList(string key)
    {
        _read.Add(key);
        switch (Find(key))
        {
            case null:
                return [];
            case YamlScalarNode scalar:
                return string.IsNullOrWhiteSpace(scalar.Value) ? [] : [scalar.Value!.Trim()];
            case YamlSequenceNode sequence:
                var list = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } text })
                    {
                        list.Add(text.Trim());
                    }
                    else
                    {
                        _diagnostics.Error(At(item), "yaml.type", $"Each item of '{key}' must be a single value.");
                    }
                }

                return list;
            case var other:
                _diagnostics.Error(At(other), "yaml.type", $"'{key}' must be a list.");
                return [];
        }
    }

    /// <summary>An optional integer within a range.</summary>
    public int? Int(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var node = Find(key);
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            _diagnostics.Error(At(node!), "yaml.number", $"'{key}' must be a whole number{Range(min, max)}, not '{text}'.");
            return null;
        }

        return value;
    }

    /// <summary>An optional number.</summary>
    public double? Double(string key)
    {
        var node = Find(key);
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            _diagnostics.Error(At(node!), "yaml.number", $"'{key}' must be a number, not '{text}'.");
            return null;
        }

        return value;
    }

    /// <summary>An optional true/false.</summary>
    public bool? Bool(string key)
    {
        var node = Find(key);
        var text = String(key);
        switch (text?.ToUpperInvariant())
        {
            case null:
                return null;
            case "TRUE" or "YES":
                return true;
            case "FALSE" or "NO":
                return false;
            default:
                _diagnostics.Error(At(node!), "yaml.bool", $"'{key}' must be true or false, not '{text}'.");
                return null;
        }
    }

    /// <summary>One of the enum's names (case-insensitive).</summary>
    public TEnum? Enum<TEnum>(string key)
        where TEnum : struct, Enum
    {
        var node = Find(key);
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _))
        {
            return value;
        }

        var names = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        _diagnostics.Error(At(node!), "yaml.enum", $"'{key}' must be one of {names}, not '{text}'.");
        return null;
    }

    /// <summary>A nested mapping.</summary>
    public YamlMap? Map(string key)
    {
        _read.Add(key);
        switch (Find(key))
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                return new YamlMap(mapping, _path, _lineOffset, _diagnostics);
            case var other:
                _diagnostics.Error(At(other), "yaml.type", $"'{key}' must be a mapping of 'key: value' lines.");
                return null;
        }
    }

    /// <summary>A list of mappings.</summary>
    public IReadOnlyList<YamlMap> MapList(string key)
    {
        _read.Add(key);
        switch (Find(key))
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                var list = new List<YamlMap>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlMappingNode mapping)
                    {
                        list.Add(new YamlMap(mapping, _path, _lineOffset, _diagnostics));
                    }
                    else
                    {
                        _diagnostics.Error(At(item), "yaml.type", $"Each item of '{key}' must be a mapping of 'key: value' lines.");
                    }
                }

                return list;
            case var other:
                _diagnostics.Error(At(other), "yaml.type", $"'{key}' must be a list.");
                return [];
        }
    }

    /// <summary>The keys of a mapping used as a dictionary (e.g. variable names), each with its value mapping.</summary>
    public IReadOnlyList<(string Key, YamlMap Value, SourceLocation At)> Entries()
    {
        var list = new List<(string, YamlMap, SourceLocation)>();
        foreach (var (key, value) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            _read.Add(name);
            if (value is YamlMappingNode mapping)
            {
                list.Add((name, new YamlMap(mapping, _path, _lineOffset, _diagnostics), At(key)));
            }
            else
            {
                _diagnostics.Error(At(value), "yaml.type", $"'{name}' must be a mapping of 'key: value' lines.");
            }
        }

        return list;
    }

    /// <summary>The location of a key's value (or of the mapping when the key is absent).</summary>
    public SourceLocation LocationOf(string key) => Find(key) is { } node ? At(node) : Location;

    /// <summary>Reports every key that was never read, suggesting the closest known key.</summary>
    public void ReportUnknownKeys(IEnumerable<string>? alsoAllowed = null)
    {
        var known = _read.Concat(alsoAllowed ?? []).ToList();
        foreach (var key in _node.Children.Keys.OfType<YamlScalarNode>())
        {
            var name = key.Value ?? "";
            if (_read.Contains(name))
            {
                continue;
            }

            var suggestion = known.Select(k => (Key: k, Distance: Distance(k, name))).Where(k => k.Distance <= 2).OrderBy(k => k.Distance).FirstOrDefault().Key;
            _diagnostics.Error(At(key), "yaml.unknown-key",
                suggestion is null ? $"Unknown key '{name}'." : $"Unknown key '{name}'. Did you mean '{suggestion}'?");
        }
    }

    private YamlNode? Find(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private SourceLocation At(YamlNode node) =>
        new(_path, (int)node.Start.Line + _lineOffset, (int)node.Start.Column);

    private static string Range(int min, int max) =>
        (min, max) switch
        {
            (int.MinValue, int.MaxValue) => "",
            (_, int.MaxValue) => $" of at least {min}",
            _ => $" from {min} to {max}",
        };

    private static string Describe(YamlException ex)
    {
        var message = ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && message.StartsWith('(') ? message[(close + 3)..] : message;
    }

    /// <summary>Content YAML never needs deep nesting or aliases; refusing them keeps YamlDotNet's recursion bounded.</summary>
    private const int MaxNesting = 32;

    /// <summary>
    /// Finds what could make the YAML reader recurse without bound (deep flow or block nesting, aliases) before it
    /// runs: a stack overflow cannot be caught and would end the process.
    /// </summary>
    private static (int Line, int Column, string Message)? Pathological(string yaml)
    {
        var lines = FrontMatter.SplitLines(yaml);
        var depth = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var indent = line.Length - line.TrimStart(' ', '\t', '-', '?', ':').Length;
            if (indent > MaxNesting * 4)
            {
                return (i + 1, 1, $"Invalid YAML: nested more than {MaxNesting} levels deep.");
            }

            char? quote = null;
            for (var c = 0; c < line.Length; c++)
            {
                var ch = line[c];
                if (quote is not null)
                {
                    quote = ch == quote ? null : quote;
                }
                else if (ch is '"' or '\'')
                {
                    quote = ch;
                }
                else if (ch == '#' && (c == 0 || char.IsWhiteSpace(line[c - 1])))
                {
                    break;
                }
                else if (ch is '[' or '{' && ++depth > MaxNesting)
                {
                    return (i + 1, c + 1, $"Invalid YAML: nested more than {MaxNesting} levels deep.");
                }
                else if (ch is ']' or '}')
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (ch is '*' or '&' && c + 1 < line.Length && !char.IsWhiteSpace(line[c + 1]) && StartsNode(line, c))
                {
                    return (i + 1, c + 1, "Invalid YAML: anchors and aliases ('&name', '*name') are not allowed in content.");
                }
            }
        }

        return null;
    }

    /// <summary>Whether position <paramref name="c"/> starts a YAML node (where an anchor or alias may stand).</summary>
    private static bool StartsNode(string line, int c)
    {
        var previous = c - 1;
        while (previous >= 0 && line[previous] is ' ' or '\t')
        {
            previous--;
        }

        return previous < 0 || line[previous] is ':' or '-' or '[' or '{' or ',' or '?';
    }

    /// <summary>The 1-based line and column of the first bracket or quote a line opens and does not close.</summary>
    private static (int Line, int Column) FirstUnbalancedLine(string yaml)
    {
        var lines = FrontMatter.SplitLines(yaml);
        for (var i = 0; i < lines.Count; i++)
        {
            var open = new Stack<(char Char, int Column)>();
            char? quote = null;
            var quoteColumn = 0;
            for (var c = 0; c < lines[i].Length; c++)
            {
                var ch = lines[i][c];
                if (quote is not null)
                {
                    if (ch == quote)
                    {
                        quote = null;
                    }
                }
                else if (ch is '"' or '\'')
                {
                    (quote, quoteColumn) = (ch, c + 1);
                }
                else if (ch == '#' && (c == 0 || lines[i][c - 1] == ' '))
                {
                    break;
                }
                else if (ch is '[' or '{')
                {
                    open.Push((ch, c + 1));
                }
                else if (ch is ']' or '}' && open.Count > 0)
                {
                    open.Pop();
                }
            }

            if (quote is not null)
            {
                return (i + 1, quoteColumn);
            }

            if (open.Count > 0)
            {
                return (i + 1, open.Last().Column);
            }
        }

        return (1, 1);
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

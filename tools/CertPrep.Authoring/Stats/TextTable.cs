using System.Text;

namespace CertPrep.Authoring.Stats;

/// <summary>A plain-text table: columns padded to their widest cell, text left-aligned, numbers right-aligned.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [headers];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(TextWriter writer, string indent)
    {
        var widths = Enumerable.Range(0, headers.Length).Select(c => _rows.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        foreach (var row in _rows)
        {
            var line = new StringBuilder(indent);
            for (var c = 0; c < headers.Length; c++)
            {
                var cell = c < row.Length ? row[c] : "";
                line.Append(c == 0 || c == headers.Length - 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
                if (c < headers.Length - 1)
                {
                    line.Append("  ");
                }
            }

            writer.WriteLine(line.ToString().TrimEnd());
        }
    }
}

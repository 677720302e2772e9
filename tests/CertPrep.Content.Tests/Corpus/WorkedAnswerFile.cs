using CertPrep.Content.Expressions;

namespace CertPrep.Content.Tests.Corpus;

/// <summary>One recomputation: a question id and the formula that gives its key from first principles.</summary>
/// <param name="QuestionId">The question whose key it checks.</param>
/// <param name="Formula">The key, in the content's formula language.</param>
/// <param name="Location">File and line, for messages.</param>
internal sealed record WorkedAnswer(string QuestionId, string Formula, string Location)
{
    /// <summary>The formula's value.</summary>
    public double Evaluate() => Expression.Parse(Formula).Evaluate(new Dictionary<string, double>());
}

/// <summary>
/// Reads <c>Corpus/WorkedAnswers/*.txt</c>: one <c>question-id: formula</c> per line, <c>#</c> starts a comment,
/// blank lines are ignored. A malformed line throws with its file and line.
/// </summary>
internal static class WorkedAnswerFile
{
    public static IReadOnlyList<WorkedAnswer> ReadAll(string folder) =>
    [
        .. Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal).SelectMany(Read),
    ];

    public static IEnumerable<WorkedAnswer> Read(string path)
    {
        var name = Path.GetFileName(path);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == line.Length - 1)
            {
                throw new FormatException($"{name}:{lineNumber}: expected 'question-id: formula', found '{raw}'");
            }

            yield return new WorkedAnswer(line[..colon].Trim(), line[(colon + 1)..].Trim(), $"{name}:{lineNumber}");
        }
    }
}

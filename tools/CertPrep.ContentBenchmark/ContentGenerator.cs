using System.Globalization;
using System.Text;

namespace CertPrep.ContentBenchmark;

/// <summary>Writes a valid content tree of a given size: one credential, its modules, question files and glossary.</summary>
internal static class ContentGenerator
{
    public const int Domains = 8;

    public static void Write(string root, int modules, int questions, int questionsPerFile, int terms)
    {
        var credential = Path.Combine(root, "bench");
        Directory.CreateDirectory(Path.Combine(credential, "modules"));
        Directory.CreateDirectory(Path.Combine(credential, "questions"));
        Directory.CreateDirectory(Path.Combine(root, "glossary"));

        var yaml = new StringBuilder("""
            id: bench
            name: Benchmark Credential
            issuer: CertPrep benchmark
            outline: { value: "1.0", source: "generated", confirmed: true }
            forms:
              - id: standard
                name: Benchmark exam
                items: { value: 150, source: "generated", confirmed: true }
                scored: { value: 130, source: "generated", confirmed: true }
                pretest: { value: 20, source: "generated", confirmed: true }
                minutes: { value: 210, source: "generated", confirmed: true }
                scale: { value: "200-350", source: "generated", confirmed: true }
                pass: { value: "300", source: "generated", confirmed: true }
                openBook: { value: false, source: "generated", confirmed: true }
            domains:

            """);
        for (var d = 1; d <= Domains; d++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: d{d}, name: Domain {d}, weight: {{ percent: 12.5, source: generated, confirmed: true }} }}\n");
        }

        File.WriteAllText(Path.Combine(credential, "credential.yml"), yaml.ToString());

        var glossary = new StringBuilder("---\ncredentials: [bench]\n---\n\n");
        for (var t = 1; t <= terms; t++)
        {
            glossary.Append(CultureInfo.InvariantCulture, $"## Benchmark term {t}\n\nThe definition of benchmark term {t}, used to measure glossary linking.\n\n");
        }

        File.WriteAllText(Path.Combine(root, "glossary", "terms.md"), glossary.ToString());

        for (var m = 1; m <= modules; m++)
        {
            var body = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
                ---
                id: bench-m{m}
                credential: bench
                domains: [d{(m % Domains) + 1}]
                order: {m}
                title: Module {m}
                objectives: [Understand topic {m}.]
                keyTerms: [benchmark-term-{(m % terms) + 1}]
                readingMinutes: 20
                ---

                """));
            for (var s = 1; s <= 8; s++)
            {
                body.Append(CultureInfo.InvariantCulture, $"\n## Section {s}\n\nBenchmark term {(m + s) % terms + 1} matters here. The economic order quantity is $Q = \\sqrt{{2DS/H}}$.\n\n");
                body.Append("> [!TIP]\n> Keep the formula in mind.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\n");
                body.Append(string.Join(' ', Enumerable.Repeat("Plain study text that explains the topic in ordinary words.", 12))).Append('\n');
            }

            File.WriteAllText(Path.Combine(credential, "modules", $"{m:000}-module.md"), body.ToString());
        }

        var files = (questions + questionsPerFile - 1) / questionsPerFile;
        for (var f = 0; f < files; f++)
        {
            File.WriteAllText(Path.Combine(credential, "questions", $"pool-{f:000}.md"), QuestionFile(f, questionsPerFile, Math.Min(questionsPerFile, questions - (f * questionsPerFile)), modules));
        }
    }

    public static string QuestionFile(int file, int perFile, int count, int modules, string stemSuffix = "")
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"---\ndomains: [bench/d{(file % Domains) + 1}]\ntopic: Topic {file}\n---\n\n"));
        for (var q = 0; q < count; q++)
        {
            var id = (file * perFile) + q;
            var module = (id % modules) + 1;
            if (id % 10 == 9)
            {
                text.Append(CultureInfo.InvariantCulture, $$"""
                    ## Question bench-q{{id}}

                    ```yaml
                    type: calculated
                    bloom: apply
                    difficulty: medium
                    source: bench-m{{module}}#section-1
                    variables:
                      D: { min: 1000, max: 5000, step: 500 }
                      S: { min: 20, max: 80, step: 10 }
                      H: { min: 1.5, max: 4.5, step: 0.5 }
                    formula: sqrt(2 * D * S / H)
                    tolerance: 1%
                    unit: units
                    decimals: 0
                    ```

                    Annual demand is {D}, ordering cost {S} and holding cost {H}. What is the EOQ?{{stemSuffix}}

                    ### Explanation

                    Use the EOQ formula.


                    """);
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"""
                ## Question bench-q{id}

                ```yaml
                bloom: understand
                difficulty: {(id % 3 == 0 ? "easy" : id % 3 == 1 ? "medium" : "hard")}
                source: bench-m{module}#section-{(id % 8) + 1}
                ```

                Which statement about topic {id} is correct?{stemSuffix}

                - [x] The first statement, which is right
                  > Right: it follows from the definition.
                - [ ] The second statement
                  > Wrong: it confuses two ideas.
                - [ ] The third statement
                  > Wrong: it reverses the cause and the effect.
                - [ ] None of the above {"{pinned}"}
                  > Wrong: the first statement is right.

                ### Explanation

                The definition settles it.


                """);
        }

        return text.ToString();
    }
}

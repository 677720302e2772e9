using System.Globalization;
using System.Text;

namespace CertPrep.Tests.Shared;

/// <summary>
/// A generated credential for practice and exam tests: two domains (60 % and 40 %), a form of 20 scored and 4
/// pretest questions in 30 minutes on a 200-350 scale, one module with the sections the questions cite, and per
/// domain single-answer questions plus one multiple-answer, one numeric and one calculated question. Every
/// rationale and explanation carries a marker (<see cref="SecretMarker"/>) so tests can prove it never reaches
/// the browser before an answer is submitted. The key is always the option whose text starts with "Key".
/// </summary>
public static class ExamContent
{
    public const string CredentialId = "mock";
    public const string SecretMarker = "SECRETRATIONALE";
    public const string ExplanationMarker = "SECRETEXPLANATION";
    public const int ScoredItems = 20;
    public const int PretestItems = 4;
    public const int Minutes = 30;
    public static readonly string[] Domains = ["planning", "quality"];

    /// <summary>A second credential of the same shape with only a handful of questions: every form draws all of them.</summary>
    public const string SmallCredentialId = "mini";

    /// <summary>Writes the credential (and the small one) into a site's content folder.</summary>
    public static void WriteTo(string directory)
    {
        Write(directory, CredentialId, singlePerDomain: 30);
        Write(directory, SmallCredentialId, singlePerDomain: 2);
    }

    private static void Write(string directory, string credentialId, int singlePerDomain)
    {
        var root = Path.Combine(directory, credentialId);
        Directory.CreateDirectory(Path.Combine(root, "modules"));
        Directory.CreateDirectory(Path.Combine(root, "questions"));
        File.WriteAllText(Path.Combine(root, "credential.yml"), $$"""
            id: {{credentialId}}
            name: {{(credentialId == CredentialId ? "Mock Exam Certificate" : "Mini Exam Certificate")}}
            issuer: CertPrep tests
            outline: { value: "1.0", source: "Test fixture", confirmed: true }
            studyHours: 60
            forms:
              - id: standard
                name: Mock standard exam
                items: { value: {{ScoredItems + PretestItems}}, source: "Test fixture", confirmed: true }
                scored: { value: {{ScoredItems}}, source: "Test fixture", confirmed: true }
                pretest: { value: {{PretestItems}}, source: "Test fixture", confirmed: true }
                minutes: { value: {{Minutes}}, source: "Test fixture", confirmed: true }
                scale: { value: "200-350", source: "Test fixture", confirmed: true }
                pass: { value: "300", source: "Test fixture", confirmed: true }
                openBook: { value: false, source: "Test fixture", confirmed: true }
              - id: percent
                name: Mock percent exam
                items: { value: {{ScoredItems}}, source: "Test fixture", confirmed: true }
                scored: { value: {{ScoredItems}}, source: "Test fixture", confirmed: true }
                pretest: { value: 0, source: "Test fixture", confirmed: true }
                minutes: { value: {{Minutes}}, source: "Test fixture", confirmed: true }
                scale: { value: percent, source: "Test fixture", confirmed: true }
                pass: { value: "70%", source: "Test fixture", confirmed: true }
                openBook: { value: true, source: "Test fixture", confirmed: true }
            domains:
              - id: planning
                name: Planning
                weight: { percent: 60, source: "Test fixture", confirmed: true }
              - id: quality
                name: Quality
                weight: { percent: 40, source: "Test fixture", confirmed: true }
            """);
        File.WriteAllText(Path.Combine(root, "modules", "01-basics.md"), $$"""
            ---
            id: {{credentialId}}-basics
            credential: {{credentialId}}
            domains: [planning, quality]
            order: 1
            title: Mock basics
            summary: The sections the generated questions cite.
            objectives:
              - Answer generated questions.
            readingMinutes: 5
            ---

            ## Planning section

            Planning is deciding what to make and when.

            ## Quality section

            Quality is meeting requirements.
            """);
        foreach (var domain in Domains)
        {
            File.WriteAllText(Path.Combine(root, "questions", $"{domain}.md"), Questions(credentialId, domain, singlePerDomain));
        }
    }

    /// <summary>The id of the n-th (1-based) single-answer question of a domain.</summary>
    public static string SingleId(string domain, int n, string credentialId = CredentialId) => $"{credentialId}-{domain}-{n:000}";

    private static string Questions(string credentialId, string domain, int count)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"---\ndomains: [{credentialId}/{domain}]\ntopic: {domain} topic\n---\n\n# {domain} questions\n\n");
        var difficulties = new[] { "easy", "medium", "hard" };
        for (var n = 1; n <= count; n++)
        {
            var id = SingleId(domain, n, credentialId);
            text.Append(CultureInfo.InvariantCulture, $$"""
                ## Question {{id}}

                ```yaml
                bloom: apply
                difficulty: {{difficulties[n % 3]}}
                source: {{credentialId}}-basics#{{domain}}-section
                ```

                Generated {{credentialId}} {{domain}} question number {{n}}: which option is the keyed one?

                - [ ] Distractor one of {{id}}
                  > Wrong: {{SecretMarker}} one for {{id}}.
                - [x] Key of {{id}}
                  > Right: {{SecretMarker}} key for {{id}}.
                - [ ] Distractor two of {{id}}
                  > Wrong: {{SecretMarker}} two for {{id}}.
                - [ ] Distractor three of {{id}}
                  > Wrong: {{SecretMarker}} three for {{id}}.

                ### Explanation

                {{ExplanationMarker}} for {{id}}.


                """);
        }

        text.Append(CultureInfo.InvariantCulture, $$"""
            ## Question {{credentialId}}-{{domain}}-multi

            ```yaml
            type: multiple
            bloom: analyze
            difficulty: hard
            source: {{credentialId}}-basics#{{domain}}-section
            ```

            Which two options of {{credentialId}} {{domain}} are keyed? Select all that apply.

            - [x] Key first of {{credentialId}}-{{domain}}-multi
              > Right: {{SecretMarker}} first for multi.
            - [ ] Distractor of {{credentialId}}-{{domain}}-multi
              > Wrong: {{SecretMarker}} distractor for multi.
            - [x] Key second of {{credentialId}}-{{domain}}-multi
              > Right: {{SecretMarker}} second for multi.

            ### Explanation

            {{ExplanationMarker}} for multi.

            ## Question {{credentialId}}-{{domain}}-numeric

            ```yaml
            type: numeric
            bloom: apply
            difficulty: medium
            answer: 1234.5
            tolerance: 0.5
            unit: units
            source: {{credentialId}}-basics#{{domain}}-section
            ```

            A {{credentialId}} {{domain}} warehouse holds 1,000 units and receives 234.5 more. How many units does it hold?

            ### Explanation

            {{ExplanationMarker}} for numeric: add the receipt to the stock.

            ## Question {{credentialId}}-{{domain}}-calc

            ```yaml
            type: calculated
            bloom: apply
            difficulty: medium
            variables:
              D: { min: 10, max: 90, step: 10 }
              L: { min: 2, max: 9, step: 1 }
            formula: D * L
            tolerance: 0
            unit: units
            decimals: 0
            source: {{credentialId}}-basics#{{domain}}-section
            ```

            In {{credentialId}} {{domain}}, daily demand is {D} units and the lead time is {L} days. What is the demand during the lead time?

            ### Explanation

            {{ExplanationMarker}} for calculated: multiply demand by lead time.


            """);
        return text.ToString();
    }
}

using System.Globalization;
using CertPrep.Content.Diagnostics;
using CertPrep.Content.Model;

namespace CertPrep.Content.Parsing;

/// <summary>Reads <c>&lt;credential&gt;/credential.yml</c>. See content/README.md for the format.</summary>
public static class CredentialParser
{
    /// <summary>The file name inside a credential folder.</summary>
    public const string FileName = "credential.yml";

    /// <summary>Parses the file; null when it has errors that leave no usable credential.</summary>
    public static Credential? Parse(string text, string path, DiagnosticBag diagnostics)
    {
        var yaml = YamlMap.Parse(text, path, 1, diagnostics);
        if (yaml is null)
        {
            return null;
        }

        var id = yaml.RequiredString("id");
        var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.IndexOf('/', StringComparison.Ordinal)] : "";
        if (id is not null && folder.Length > 0 && id != folder)
        {
            diagnostics.Error(yaml.LocationOf("id"), "credential.id-folder", $"The id '{id}' must equal the folder name '{folder}'.");
        }

        var name = yaml.RequiredString("name");
        var issuer = yaml.RequiredString("issuer");
        var outline = StringFact(yaml, "outline", required: true);
        var hours = yaml.Int("studyHours", 1, 2000);
        var domains = yaml.MapList("domains").Select(d => ParseDomain(d, diagnostics)).OfType<ExamDomain>().ToList();
        if (!yaml.Has("domains") || domains.Count == 0)
        {
            diagnostics.Error(yaml.LocationOf("domains"), "credential.no-domains", "A credential needs at least one domain under 'domains'.");
        }

        foreach (var duplicate in domains.GroupBy(d => d.Id).Where(g => g.Count() > 1))
        {
            diagnostics.Error(yaml.LocationOf("domains"), "credential.duplicate-domain", $"Domain id '{duplicate.Key}' is used more than once.");
        }

        var forms = yaml.MapList("forms").Select(f => ParseForm(f, domains, diagnostics)).OfType<ExamForm>().ToList();
        if (forms.Count == 0)
        {
            diagnostics.Error(yaml.LocationOf("forms"), "credential.no-forms", "A credential needs at least one exam form under 'forms'.");
        }

        yaml.ReportUnknownKeys();
        if (forms.Count > 0)
        {
            CheckWeights(yaml, domains, forms[0], diagnostics);
        }

        // With errors the loader leaves the file out, but other files are still checked against what could be read.
        return id is null || name is null || issuer is null || outline is null || forms.Count == 0
            ? null
            : new Credential(id, name, issuer, outline, hours, forms, domains, yaml.Location);
    }

    private static ExamDomain? ParseDomain(YamlMap map, DiagnosticBag diagnostics)
    {
        var id = map.RequiredString("id");
        var name = map.RequiredString("name");
        var requires = map.StringList("requires");
        var weightMap = map.Map("weight");
        DomainWeight? weight = null;
        if (weightMap is null)
        {
            diagnostics.Error(map.Location, "credential.no-weight", $"Domain '{id}' needs a 'weight' with 'percent' or 'items', 'source' and 'confirmed'.");
        }
        else
        {
            var percent = weightMap.Double("percent");
            var items = weightMap.Int("items", 0);
            var source = weightMap.RequiredString("source");
            var confirmed = weightMap.Bool("confirmed");
            if (confirmed is null && !weightMap.Has("confirmed"))
            {
                diagnostics.Error(weightMap.Location, "fact.no-confirmed", "Every exam fact says 'confirmed: true' or 'confirmed: false'.");
            }

            if ((percent is null) == (items is null))
            {
                diagnostics.Error(weightMap.Location, "credential.weight", "A weight has exactly one of 'percent' or 'items'.");
            }
            else if (percent is < 0 or > 100)
            {
                diagnostics.Error(weightMap.LocationOf("percent"), "credential.weight", "'percent' must be between 0 and 100.");
            }

            weightMap.ReportUnknownKeys();
            weight = new DomainWeight(percent, items, source ?? "", confirmed ?? false); // errors above reject the file
        }

        map.ReportUnknownKeys();
        return id is null || name is null || weight is null ? null : new ExamDomain(id, name, weight, requires);
    }

    private static ExamForm? ParseForm(YamlMap map, IReadOnlyList<ExamDomain> domains, DiagnosticBag diagnostics)
    {
        var id = map.RequiredString("id");
        var name = map.RequiredString("name");
        var items = IntFact(map, "items", diagnostics);
        var scored = IntFact(map, "scored", diagnostics);
        var pretest = IntFact(map, "pretest", diagnostics);
        var minutes = IntFact(map, "minutes", diagnostics);
        var scale = StringFact(map, "scale", required: true);
        var pass = StringFact(map, "pass", required: true);
        var openBook = BoolFact(map, "openBook", diagnostics);
        var domainItems = new Dictionary<string, Fact<int>>(StringComparer.Ordinal);
        if (map.Map("domainItems") is { } counts)
        {
            foreach (var (domain, value, at) in counts.Entries())
            {
                if (!domains.Any(d => d.Id == domain))
                {
                    diagnostics.Error(at, "credential.unknown-domain", $"'{domain}' is not a domain of this credential.");
                }

                if (IntFact(value) is { } fact)
                {
                    domainItems[domain] = fact;
                }
            }

            if (scored is not null && domainItems.Count > 0 && domainItems.Values.Sum(f => f.Value) != scored.Value)
            {
                diagnostics.Error(map.LocationOf("domainItems"), "credential.weights-sum",
                    $"The domain item counts add up to {domainItems.Values.Sum(f => f.Value)}, not to the form's {scored.Value} scored items.");
            }
        }

        if (items is not null && scored is not null && pretest is not null && items.Value != scored.Value + pretest.Value)
        {
            diagnostics.Error(map.LocationOf("items"), "credential.items-sum",
                $"'items' ({items.Value}) must equal 'scored' ({scored.Value}) plus 'pretest' ({pretest.Value}).");
        }

        map.ReportUnknownKeys();
        return id is null || name is null || items is null || scored is null || pretest is null || minutes is null || scale is null || pass is null || openBook is null
            ? null
            : new ExamForm(id, name, items, scored, pretest, minutes, scale, pass, openBook, domainItems);
    }

    private static void CheckWeights(YamlMap yaml, IReadOnlyList<ExamDomain> domains, ExamForm form, DiagnosticBag diagnostics)
    {
        if (domains.Count == 0)
        {
            return;
        }

        if (domains.All(d => d.Weight.Percent is not null))
        {
            var sum = domains.Sum(d => d.Weight.Percent!.Value);
            if (Math.Abs(sum - 100) > 0.5)
            {
                diagnostics.Error(yaml.LocationOf("domains"), "credential.weights-sum",
                    string.Create(CultureInfo.InvariantCulture, $"The domain weights add up to {sum:0.##}%, not 100%."));
            }
        }
        else if (domains.All(d => d.Weight.Items is not null))
        {
            var sum = domains.Sum(d => d.Weight.Items!.Value);
            if (sum != form.ScoredItems.Value)
            {
                diagnostics.Error(yaml.LocationOf("domains"), "credential.weights-sum",
                    $"The domain item counts add up to {sum}, not to the {form.ScoredItems.Value} scored items of form '{form.Id}'.");
            }
        }
        else
        {
            diagnostics.Error(yaml.LocationOf("domains"), "credential.weights-mixed", "Give every domain's weight as 'percent', or every one as 'items', not a mix.");
        }
    }

    private static Fact<string>? StringFact(YamlMap map, string key, bool required)
    {
        var fact = map.Map(key);
        if (fact is null)
        {
            if (required)
            {
                map.RequiredString(key); // reports it missing (or of the wrong shape)
            }

            return null;
        }

        var value = fact.RequiredString("value");
        var source = fact.RequiredString("source");
        var confirmed = RequiredConfirmed(fact);
        fact.ReportUnknownKeys();
        return value is null || source is null || confirmed is null ? null : new Fact<string>(value, source, confirmed.Value);
    }

    private static Fact<int>? IntFact(YamlMap map, string key, DiagnosticBag diagnostics)
    {
        var fact = map.Map(key);
        if (fact is null)
        {
            diagnostics.Error(map.Location, "yaml.missing", $"Missing required key '{key}' (with value, source and confirmed).");
            return null;
        }

        return IntFact(fact);
    }

    private static Fact<int>? IntFact(YamlMap fact)
    {
        var value = fact.Int("value", 0);
        if (value is null && !fact.Has("value"))
        {
            fact.RequiredString("value");
        }

        var source = fact.RequiredString("source");
        var confirmed = RequiredConfirmed(fact);
        fact.ReportUnknownKeys();
        return value is null || source is null || confirmed is null ? null : new Fact<int>(value.Value, source, confirmed.Value);
    }

    private static Fact<bool>? BoolFact(YamlMap map, string key, DiagnosticBag diagnostics)
    {
        var fact = map.Map(key);
        if (fact is null)
        {
            diagnostics.Error(map.Location, "yaml.missing", $"Missing required key '{key}' (with value, source and confirmed).");
            return null;
        }

        var value = fact.Bool("value");
        if (value is null && !fact.Has("value"))
        {
            fact.RequiredString("value");
        }

        var source = fact.RequiredString("source");
        var confirmed = RequiredConfirmed(fact);
        fact.ReportUnknownKeys();
        return value is null || source is null || confirmed is null ? null : new Fact<bool>(value.Value, source, confirmed.Value);
    }

    private static bool? RequiredConfirmed(YamlMap fact)
    {
        var confirmed = fact.Bool("confirmed");
        if (confirmed is null && !fact.Has("confirmed"))
        {
            fact.RequiredString("confirmed");
        }

        return confirmed;
    }
}

using System.Globalization;

namespace CertPrep.Domain.Adaptive;

/// <summary>A domain's mastery: the predicted share correct on its questions, with an 80% interval.</summary>
/// <param name="Share">Expected share correct (over the ability posterior).</param>
/// <param name="Low">10th percentile.</param>
/// <param name="High">90th percentile.</param>
/// <param name="Responses">Answers behind it.</param>
public readonly record struct Mastery(double Share, double Low, double High, int Responses)
{
    private const double Z90 = 1.2815515655446004;

    /// <summary>Mastery of a domain from its ability and its questions (a blueprint-representative set).</summary>
    public static Mastery Of(Ability ability, IReadOnlyList<PoolItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var low = NextItemSelector.Share(items, ability.Mean - (Z90 * ability.Sd));
        var high = NextItemSelector.Share(items, ability.Mean + (Z90 * ability.Sd));
        double total = 0, weighted = 0;
        foreach (var theta in Eap.Thetas)
        {
            var z = (theta - ability.Mean) / ability.Sd;
            var w = Math.Exp(-0.5 * z * z);
            total += w;
            weighted += w * NextItemSelector.Share(items, theta);
        }

        return new Mastery(total > 0 ? weighted / total : NextItemSelector.Share(items, ability.Mean), low, high, ability.Responses);
    }

    /// <summary>The interval's width expressed as a standard deviation.</summary>
    public double Sd => (High - Low) / (2 * Z90);
}

/// <summary>The evidence readiness needs before it shows a number.</summary>
/// <param name="MinimumAnswers">Answers needed in every domain that weighs at least <paramref name="MinimumWeight"/>.</param>
/// <param name="MinimumWeight">Domains lighter than this are not required.</param>
public sealed record ReadinessRule(int MinimumAnswers = 10, double MinimumWeight = 0.10)
{
    /// <summary>At least 10 answers in every domain weighing 10% or more, or one submitted mock exam.</summary>
    public static ReadinessRule Default { get; } = new();
}

/// <summary>A learner's readiness for an exam.</summary>
/// <param name="HasEnoughEvidence">False until the rule is met; the numbers are then not shown.</param>
/// <param name="Missing">What evidence is missing, in words.</param>
/// <param name="ExpectedShare">Projected share correct on a blueprint form.</param>
/// <param name="Low">10th percentile of the share.</param>
/// <param name="High">90th percentile of the share.</param>
/// <param name="PassProbability">Probability of reaching the cut.</param>
/// <param name="BiggestLever">The domain whose improvement would move the projection most, and why.</param>
public sealed record Readiness(bool HasEnoughEvidence, IReadOnlyList<string> Missing, double ExpectedShare, double Low, double High, double PassProbability, string? BiggestLever)
{
    private const double Z90 = 1.2815515655446004;

    /// <summary>
    /// Readiness from each domain's mastery and the blueprint: the share correct on a blueprint-weighted form, its 80%
    /// interval (domains treated as independent) and the probability that it reaches <paramref name="cutShare"/>.
    /// With <paramref name="examItems"/> the probability also allows for which items a form of that length happens to ask.
    /// </summary>
    public static Readiness Compute(
        IReadOnlyDictionary<string, Mastery> mastery,
        IReadOnlyDictionary<string, double> weights,
        double cutShare,
        int mockExams,
        ReadinessRule? rule = null,
        Func<string, string>? domainName = null,
        int examItems = 0)
    {
        ArgumentNullException.ThrowIfNull(mastery);
        ArgumentNullException.ThrowIfNull(weights);
        rule ??= ReadinessRule.Default;
        var name = domainName ?? (d => d);
        var missing = mockExams > 0
            ? []
            : weights.Where(w => w.Value >= rule.MinimumWeight && mastery.GetValueOrDefault(w.Key).Responses < rule.MinimumAnswers)
                .OrderByDescending(w => w.Value)
                .Select(w => $"{name(w.Key)}: {mastery.GetValueOrDefault(w.Key).Responses} of {rule.MinimumAnswers} answers")
                .ToList();
        var expected = weights.Sum(w => w.Value * mastery.GetValueOrDefault(w.Key).Share);
        // Uncertainty about the learner's abilities, plus (when the exam's length is given) the luck of which items
        // the exam happens to ask: a binomial share over examItems items.
        var abilityVariance = weights.Sum(w => w.Value * w.Value * Math.Pow(mastery.GetValueOrDefault(w.Key).Sd, 2));
        var formVariance = examItems > 0 ? expected * (1 - expected) / examItems : 0;
        var sd = Math.Sqrt(abilityVariance + formVariance);
        var pass = sd <= 0 ? (expected >= cutShare ? 1 : 0) : NormalCdf((expected - cutShare) / sd);
        var lever = weights.Where(w => mastery.ContainsKey(w.Key)).MaxBy(w => w.Value * (1 - mastery[w.Key].Share));
        var weakest = mastery.Count == 0 ? null : mastery.MinBy(m => m.Value.Share).Key;
        string? leverText = lever.Key is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{name(lever.Key)} is {lever.Value * 100:0}% of the exam{(lever.Key == weakest ? " and your weakest domain" : string.Empty)}: improving it moves the projection most.");
        return new Readiness(missing.Count == 0, missing, expected, Math.Max(0, expected - (Z90 * sd)), Math.Min(1, expected + (Z90 * sd)), pass, leverText);
    }

    /// <summary>The standard normal cumulative probability (Abramowitz-Stegun 7.1.26 on erf, accurate to 1.5e-7).</summary>
    public static double NormalCdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var erf = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}

namespace CertPrep.Domain.Exams;

/// <summary>How much of a full exam form a mock exam reproduces.</summary>
public enum FormLength
{
    /// <summary>The whole exam: every scored and pretest item and the full time limit.</summary>
    Full,

    /// <summary>Half of the exam's items and time, in the same proportions.</summary>
    Half,

    /// <summary>A quarter of the exam's items and time, in the same proportions.</summary>
    Quarter,
}

/// <summary>One content domain of a blueprint and its share of the scored items.</summary>
/// <param name="Id">The domain's identifier, unique within the blueprint.</param>
/// <param name="Weight">The domain's share of the scored items, a fraction in (0, 1]; the weights of a blueprint sum to 1.</param>
public sealed record BlueprintDomain(string Id, double Weight);

/// <summary>The plan for one form of an exam: item counts per domain, pretest items and the time limit.</summary>
/// <param name="Length">The form length this plan is for.</param>
/// <param name="ScoredItems">How many scored items the form carries.</param>
/// <param name="PretestItems">How many unscored pretest items the form carries.</param>
/// <param name="Minutes">The time limit in whole minutes.</param>
/// <param name="DomainItems">Scored items per domain, in blueprint order; they sum to <paramref name="ScoredItems"/>.</param>
public sealed record FormPlan(
    FormLength Length,
    int ScoredItems,
    int PretestItems,
    int Minutes,
    IReadOnlyList<KeyValuePair<string, int>> DomainItems)
{
    /// <summary>All items on the form, scored and pretest.</summary>
    public int TotalItems => ScoredItems + PretestItems;
}

/// <summary>
/// An exam's blueprint: scored and pretest item counts, the time limit and the domain weights. Shorter forms keep
/// the same proportions (see <see cref="PlanFor"/>), and scored items are shared out per domain by the
/// largest-remainder (Hamilton) method, so each domain is within one item of its exact share on every form.
/// </summary>
public sealed class ExamBlueprint
{
    private const double WeightTolerance = 1e-9;

    /// <summary>Creates a blueprint from domain weights that are fractions summing to 1.</summary>
    /// <param name="scoredItems">Scored items on the full form (at least 1).</param>
    /// <param name="pretestItems">Unscored pretest items on the full form (0 or more).</param>
    /// <param name="minutes">Time limit of the full form in minutes (at least 1).</param>
    /// <param name="domains">Domains with positive weights summing to 1 (within 1e-9), unique ids.</param>
    public ExamBlueprint(int scoredItems, int pretestItems, int minutes, IEnumerable<BlueprintDomain> domains)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scoredItems, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(pretestItems);
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        ArgumentNullException.ThrowIfNull(domains);

        var list = domains.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A blueprint needs at least one domain.", nameof(domains));
        }

        if (list.Any(d => string.IsNullOrWhiteSpace(d.Id)))
        {
            throw new ArgumentException("Every domain needs an id.", nameof(domains));
        }

        if (list.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            throw new ArgumentException("Domain ids must be unique.", nameof(domains));
        }

        if (list.Any(d => !double.IsFinite(d.Weight) || d.Weight <= 0 || d.Weight > 1))
        {
            throw new ArgumentException("Every domain weight must be a fraction in (0, 1].", nameof(domains));
        }

        if (Math.Abs(list.Sum(d => d.Weight) - 1) > WeightTolerance)
        {
            throw new ArgumentException("Domain weights must sum to 1.", nameof(domains));
        }

        ScoredItems = scoredItems;
        PretestItems = pretestItems;
        Minutes = minutes;
        Domains = list;
    }

    /// <summary>Scored items on the full form.</summary>
    public int ScoredItems { get; }

    /// <summary>Unscored pretest items on the full form.</summary>
    public int PretestItems { get; }

    /// <summary>Time limit of the full form in minutes.</summary>
    public int Minutes { get; }

    /// <summary>The domains and their weights, in the order given.</summary>
    public IReadOnlyList<BlueprintDomain> Domains { get; }

    /// <summary>Creates a blueprint from domain percentages, which must sum to 100.</summary>
    /// <param name="scoredItems">Scored items on the full form.</param>
    /// <param name="pretestItems">Pretest items on the full form.</param>
    /// <param name="minutes">Time limit of the full form in minutes.</param>
    /// <param name="percents">Domain ids with their percentage of the scored items.</param>
    /// <returns>The blueprint.</returns>
    public static ExamBlueprint FromPercents(
        int scoredItems, int pretestItems, int minutes, IEnumerable<KeyValuePair<string, double>> percents)
    {
        ArgumentNullException.ThrowIfNull(percents);
        var list = percents.ToList();
        var total = list.Sum(p => p.Value);
        if (Math.Abs(total - 100) > 1e-6)
        {
            throw new ArgumentException("Domain percentages must sum to 100.", nameof(percents));
        }

        // Divide by the actual total so rounding noise in the percentages never trips the sum check.
        return new ExamBlueprint(
            scoredItems, pretestItems, minutes, list.Select(p => new BlueprintDomain(p.Key, p.Value / total)));
    }

    /// <summary>
    /// Creates a blueprint from published item counts per domain; the scored item count is their sum and the
    /// weights are each count over that sum.
    /// </summary>
    /// <param name="pretestItems">Pretest items on the full form.</param>
    /// <param name="minutes">Time limit of the full form in minutes.</param>
    /// <param name="itemCounts">Domain ids with their scored item counts (each at least 1).</param>
    /// <returns>The blueprint.</returns>
    public static ExamBlueprint FromItemCounts(
        int pretestItems, int minutes, IEnumerable<KeyValuePair<string, int>> itemCounts)
    {
        ArgumentNullException.ThrowIfNull(itemCounts);
        var list = itemCounts.ToList();
        if (list.Any(c => c.Value < 1))
        {
            throw new ArgumentException("Every domain needs at least one item.", nameof(itemCounts));
        }

        var total = list.Sum(c => c.Value);
        return new ExamBlueprint(
            total, pretestItems, minutes, list.Select(c => new BlueprintDomain(c.Key, (double)c.Value / total)));
    }

    /// <summary>The share of the full form that a form length keeps: 1, 1/2 or 1/4.</summary>
    /// <param name="length">The form length.</param>
    /// <returns>The fraction of the full form.</returns>
    public static double Fraction(FormLength length) => length switch
    {
        FormLength.Full => 1.0,
        FormLength.Half => 0.5,
        FormLength.Quarter => 0.25,
        _ => throw new ArgumentOutOfRangeException(nameof(length), length, "Unknown form length."),
    };

    /// <summary>
    /// Plans a form of the given length. Scored and pretest counts are scaled by the length's fraction and rounded
    /// half away from zero (130 → 65 → 33; 20 → 10 → 5), with at least one scored item. The time limit keeps the
    /// full form's pace per item: full minutes × (form items / full items), rounded up to a whole minute, so a
    /// shorter form is never tighter per item than the real exam. Scored items are then apportioned per domain
    /// with <see cref="Apportion"/>.
    /// </summary>
    /// <param name="length">The form length.</param>
    /// <returns>The plan.</returns>
    public FormPlan PlanFor(FormLength length)
    {
        var fraction = Fraction(length);
        var scored = Math.Max(1, (int)Math.Round(ScoredItems * fraction, MidpointRounding.AwayFromZero));
        var pretest = (int)Math.Round(PretestItems * fraction, MidpointRounding.AwayFromZero);
        var fullItems = ScoredItems + PretestItems;

        // Integer arithmetic avoids a floating-point ceiling that lands one minute too high.
        var minutes = (int)((((long)Minutes * (scored + pretest)) + fullItems - 1) / fullItems);

        return new FormPlan(length, scored, pretest, Math.Max(1, minutes), Apportion(scored));
    }

    /// <summary>
    /// Shares <paramref name="items"/> among the domains by the largest-remainder (Hamilton) method: every domain
    /// gets the whole part of weight × items, and the items left over go one each to the domains with the largest
    /// fractional parts (ties: larger weight first, then blueprint order). Every domain's count is therefore within
    /// one item of weight × items.
    /// </summary>
    /// <param name="items">The number of items to share out (0 or more).</param>
    /// <returns>Items per domain in blueprint order, summing to <paramref name="items"/>.</returns>
    public IReadOnlyList<KeyValuePair<string, int>> Apportion(int items)
    {
        var counts = Hamilton(Domains.Select(d => d.Weight).ToList(), items);
        return Domains.Select((d, i) => new KeyValuePair<string, int>(d.Id, counts[i])).ToList();
    }

    /// <summary>Largest-remainder apportionment of <paramref name="total"/> by non-negative weights.</summary>
    internal static int[] Hamilton(IReadOnlyList<double> weights, int total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var sum = weights.Sum();
        var counts = new int[weights.Count];
        if (total == 0 || sum <= 0)
        {
            return counts;
        }

        var quotas = weights.Select(w => w / sum * total).ToArray();
        for (var i = 0; i < quotas.Length; i++)
        {
            counts[i] = (int)Math.Floor(quotas[i]);
        }

        var left = total - counts.Sum();
        var order = Enumerable.Range(0, quotas.Length)
            .OrderByDescending(i => quotas[i] - counts[i])
            .ThenByDescending(i => weights[i])
            .ThenBy(i => i)
            .ToList();
        for (var k = 0; k < left; k++)
        {
            counts[order[k % order.Count]]++;
        }

        // Floating-point noise can push a floor one too high; take it back from the smallest remainders.
        for (var k = order.Count - 1; left < 0 && k >= 0; k--)
        {
            if (counts[order[k]] > 0)
            {
                counts[order[k]]--;
                left++;
            }
        }

        return counts;
    }
}

using System.Globalization;

namespace CertPrep.Domain.Adaptive;

/// <summary>A question in the pool: its id, the domain it is counted in, and its current parameters.</summary>
/// <param name="Id">Question id.</param>
/// <param name="Domain">Domain id.</param>
/// <param name="Parameters">Its 3PL parameters.</param>
public readonly record struct PoolItem(string Id, string Domain, ItemParameters Parameters);

/// <summary>What an adaptive choice needs besides the learner and the pool.</summary>
/// <param name="Weights">Blueprint share of each domain (adding up to 1).</param>
/// <param name="GivenSoFar">Items given so far in this session, per domain.</param>
/// <param name="Excluded">Items not to give: already in the session or seen recently.</param>
/// <param name="Target">Predicted success to aim at in practice (desirable difficulty).</param>
/// <param name="Randomesque">Choose at random among this many best items (exposure control).</param>
/// <param name="MasteryTarget">Share correct regarded as mastered.</param>
public sealed record SelectionRequest(
    IReadOnlyDictionary<string, double> Weights,
    IReadOnlyDictionary<string, int> GivenSoFar,
    IReadOnlySet<string> Excluded,
    double Target = 0.70,
    int Randomesque = 5,
    double MasteryTarget = 0.80);

/// <summary>The chosen item and why, in words a learner can read.</summary>
/// <param name="Item">The item.</param>
/// <param name="PredictedSuccess">Its predicted probability of a right answer.</param>
/// <param name="Reason">Why it was chosen, e.g. "weakest domain: Inventory".</param>
public sealed record Selection(PoolItem Item, double PredictedSuccess, string Reason);

/// <summary>
/// Chooses the next question (rules documented in <c>docs/adaptive.md</c>).
/// <para>Practice: the domain with the largest blueprint-weighted need (weight × distance from mastery × uncertainty),
/// kept in line with the blueprint by Kingsbury-Zara (once items have been given, only domains below their blueprint
/// share compete); in it, the item whose predicted success is closest to the practice target; at random among the
/// best few (randomesque exposure control); never an excluded item.</para>
/// <para>Diagnostic: the domain whose ability is least certain, and in it the item with the most Fisher information
/// at the current estimate.</para>
/// </summary>
public static class NextItemSelector
{
    /// <summary>The next practice item, or null when the pool has nothing left to give.</summary>
    public static Selection? ForPractice(LearnerAbilities abilities, IReadOnlyList<PoolItem> pool, SelectionRequest request, DateTimeOffset now, Random random, Func<string, string>? domainName = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(random);
        var byDomain = Available(pool, request);
        if (byDomain.Count == 0)
        {
            return null;
        }

        var needs = byDomain.Keys.ToDictionary(
            d => d,
            d =>
            {
                var ability = abilities.Domain(d, now);
                var mastery = Share(byDomain[d], ability.Mean);
                var weight = request.Weights.GetValueOrDefault(d, 0.0);
                return (Need: Math.Max(weight, 0.001) * (Math.Max(0, request.MasteryTarget - mastery) + 0.02) * ability.Sd, Mastery: mastery, Ability: ability);
            },
            StringComparer.Ordinal);
        var domain = Balanced(byDomain.Keys, request).MaxBy(d => needs[d].Need)!;
        var theta = needs[domain].Ability.Mean;
        var best = byDomain[domain]
            .Select(i => (Item: i, P: i.Parameters.Probability(theta)))
            .OrderBy(x => Math.Abs(x.P - request.Target)).ThenBy(x => x.Item.Id, StringComparer.Ordinal)
            .Take(Math.Max(1, request.Randomesque))
            .ToList();
        var (item, p) = best[random.Next(best.Count)];
        var name = domainName?.Invoke(domain) ?? domain;
        var weakest = needs.Values.Min(n => n.Mastery) >= needs[domain].Mastery;
        var percent = string.Create(CultureInfo.InvariantCulture, $"{needs[domain].Mastery * 100:0}%");
        var reason = weakest
            ? $"weakest domain: {name} (about {percent} predicted correct)"
            : $"{name} needs the most work for its exam weight (about {percent} predicted correct)";
        return new Selection(item, p, reason);
    }

    /// <summary>The next diagnostic item, or null when the pool has nothing left to give.</summary>
    public static Selection? ForDiagnostic(LearnerAbilities abilities, IReadOnlyList<PoolItem> pool, SelectionRequest request, DateTimeOffset now, Random random, Func<string, string>? domainName = null)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(random);
        var byDomain = Available(pool, request);
        if (byDomain.Count == 0)
        {
            return null;
        }

        // Measuring, not practising: every domain must reach the same precision, so the least certain domain goes next
        // (blueprint balancing would starve a 3% domain that still has to reach the threshold).
        var domain = byDomain.Keys.MaxBy(d => (abilities.Domain(d, now).Sd, request.Weights.GetValueOrDefault(d)))!;
        var theta = abilities.Domain(domain, now).Mean;
        var best = byDomain[domain]
            .OrderByDescending(i => i.Parameters.Information(theta)).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Take(Math.Max(1, request.Randomesque))
            .ToList();
        var item = best[random.Next(best.Count)];
        return new Selection(item, item.Parameters.Probability(theta), $"diagnostic: measuring {domainName?.Invoke(domain) ?? domain}, the least certain domain");
    }

    /// <summary>
    /// Whether the diagnostic can stop: at the maximum, or once every domain's standard error is under the threshold
    /// and at least the minimum number of items has been given.
    /// </summary>
    public static bool DiagnosticDone(LearnerAbilities abilities, IEnumerable<string> domains, int given, DateTimeOffset now, double seThreshold = 0.55, int minimum = 16, int maximum = 30)
    {
        ArgumentNullException.ThrowIfNull(abilities);
        return given >= maximum || (given >= minimum && domains.All(d => abilities.Domain(d, now).Sd < seThreshold));
    }

    /// <summary>The predicted share correct on a set of items at ability <paramref name="theta"/>.</summary>
    public static double Share(IReadOnlyList<PoolItem> items, double theta)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var item in items)
        {
            sum += item.Parameters.Probability(theta);
        }

        return sum / items.Count;
    }

    private static Dictionary<string, List<PoolItem>> Available(IReadOnlyList<PoolItem> pool, SelectionRequest request)
    {
        var byDomain = new Dictionary<string, List<PoolItem>>(StringComparer.Ordinal);
        foreach (var item in pool)
        {
            if (request.Excluded.Contains(item.Id) || !request.Weights.ContainsKey(item.Domain))
            {
                continue;
            }

            if (!byDomain.TryGetValue(item.Domain, out var list))
            {
                byDomain[item.Domain] = list = [];
            }

            list.Add(item);
        }

        return byDomain;
    }

    /// <summary>Kingsbury-Zara: once items have been given, the domains behind their blueprint share (all, if none is).</summary>
    private static IEnumerable<string> Balanced(IEnumerable<string> domains, SelectionRequest request)
    {
        var list = domains.ToList();
        var given = request.GivenSoFar.Values.Sum();
        if (given == 0)
        {
            return list;
        }

        var behind = list.Where(d => (double)request.GivenSoFar.GetValueOrDefault(d) / given < request.Weights.GetValueOrDefault(d)).ToList();
        return behind.Count > 0 ? behind : list;
    }
}

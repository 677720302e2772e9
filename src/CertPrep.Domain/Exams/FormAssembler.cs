namespace CertPrep.Domain.Exams;

/// <summary>The author's difficulty rating of a question.</summary>
public enum Difficulty
{
    /// <summary>Most prepared candidates answer it correctly.</summary>
    Easy,

    /// <summary>About half to three quarters of prepared candidates answer it correctly.</summary>
    Medium,

    /// <summary>Only well-prepared candidates answer it correctly.</summary>
    Hard,
}

/// <summary>A question that may be placed on a form.</summary>
/// <param name="Id">The question's identifier, unique within the pool.</param>
/// <param name="DomainIds">The blueprint domains the question serves (at least one).</param>
/// <param name="Difficulty">The question's difficulty rating.</param>
public sealed record CandidateItem(string Id, IReadOnlyList<string> DomainIds, Difficulty Difficulty);

/// <summary>Target shares of easy, medium and hard items within each domain; the shares need not sum to 1.</summary>
/// <param name="Easy">Relative share of easy items (0 or more).</param>
/// <param name="Medium">Relative share of medium items (0 or more).</param>
/// <param name="Hard">Relative share of hard items (0 or more).</param>
public sealed record DifficultyMix(double Easy, double Medium, double Hard)
{
    /// <summary>The common 25 % easy, 50 % medium, 25 % hard mix.</summary>
    public static DifficultyMix Standard { get; } = new(0.25, 0.50, 0.25);

    /// <summary>The shares in <see cref="Difficulty"/> order.</summary>
    internal double[] Shares() => [Easy, Medium, Hard];
}

/// <summary>One item placed on an assembled form.</summary>
/// <param name="ItemId">The question's identifier.</param>
/// <param name="DomainId">The domain the item counts for (the first domain it was drawn for).</param>
/// <param name="Difficulty">The question's difficulty rating.</param>
/// <param name="IsPretest">True for an unscored pretest item.</param>
public sealed record FormItem(string ItemId, string DomainId, Difficulty Difficulty, bool IsPretest);

/// <summary>Planned and drawn scored items for one domain of a form.</summary>
/// <param name="DomainId">The domain.</param>
/// <param name="Planned">Scored items the blueprint asks for.</param>
/// <param name="Actual">Scored items the pool could supply.</param>
public sealed record DomainAllocation(string DomainId, int Planned, int Actual)
{
    /// <summary>Items missing because the pool was too small (0 when the plan was met).</summary>
    public int Shortfall => Planned - Actual;
}

/// <summary>A mock-exam form ready to be taken.</summary>
/// <param name="Plan">The plan the form was built from.</param>
/// <param name="Items">The items in the order they are presented; pretest items sit at random positions.</param>
/// <param name="Domains">Planned and actual scored items per domain, in blueprint order.</param>
/// <param name="ActualPretestItems">Pretest items actually placed (the plan's count unless the pool ran out).</param>
/// <param name="Seed">The seed that reproduces this form from the same blueprint and pool.</param>
public sealed record AssembledForm(
    FormPlan Plan,
    IReadOnlyList<FormItem> Items,
    IReadOnlyList<DomainAllocation> Domains,
    int ActualPretestItems,
    int Seed)
{
    /// <summary>The time limit in minutes.</summary>
    public int TimeLimitMinutes => Plan.Minutes;

    /// <summary>Pretest items missing because the pool ran out.</summary>
    public int PretestShortfall => Plan.PretestItems - ActualPretestItems;

    /// <summary>True when every domain and the pretest section got all the items planned.</summary>
    public bool IsComplete => PretestShortfall == 0 && Domains.All(d => d.Shortfall == 0);
}

/// <summary>
/// Builds mock-exam forms from a question pool. For each domain in blueprint order it draws the planned number of
/// scored items, without repeats, among unused questions that serve that domain. Within a domain the count is split
/// over easy, medium and hard by the largest-remainder method using the target mix, or, when none is given, the mix
/// of that domain's available questions (so the form looks like the pool). If a difficulty runs short, the gap is
/// filled at random from the domain's other available questions. A question serving several domains counts for the
/// first domain it is drawn for. Pretest items are then drawn at random from all remaining questions, and the whole
/// form is shuffled so pretest items sit at random positions. A domain whose pool is too small gets what exists and
/// its shortfall is reported. The same blueprint, pool (in any order), length, mix and seed give the same form.
/// </summary>
public static class FormAssembler
{
    /// <summary>Assembles a form.</summary>
    /// <param name="blueprint">The exam blueprint.</param>
    /// <param name="length">Full, half or quarter form.</param>
    /// <param name="pool">Candidate questions with unique ids.</param>
    /// <param name="seed">Seed for every random choice; store it to rebuild the same form.</param>
    /// <param name="targetMix">Difficulty mix to aim for in each domain; null aims for the pool's own mix.</param>
    /// <returns>The form with per-domain planned and actual counts.</returns>
    public static AssembledForm Assemble(
        ExamBlueprint blueprint, FormLength length, IEnumerable<CandidateItem> pool, int seed, DifficultyMix? targetMix = null)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        ArgumentNullException.ThrowIfNull(pool);
        if (targetMix is not null && (targetMix.Shares().Any(s => !double.IsFinite(s) || s < 0) || targetMix.Shares().Sum() <= 0))
        {
            throw new ArgumentException("A difficulty mix needs non-negative shares with a positive total.", nameof(targetMix));
        }

        // Sort by id so the result depends only on the set of questions, not on the order they came in.
        var candidates = pool.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        ValidatePool(candidates);

        var plan = blueprint.PlanFor(length);
        var random = new Random(seed);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<FormItem>(plan.TotalItems);
        var allocations = new List<DomainAllocation>(plan.DomainItems.Count);

        foreach (var (domainId, planned) in plan.DomainItems)
        {
            var available = candidates
                .Where(c => !used.Contains(c.Id) && c.DomainIds.Contains(domainId, StringComparer.Ordinal))
                .ToList();
            var drawn = DrawDomain(available, planned, targetMix, random);
            foreach (var item in drawn)
            {
                used.Add(item.Id);
                items.Add(new FormItem(item.Id, domainId, item.Difficulty, IsPretest: false));
            }

            allocations.Add(new DomainAllocation(domainId, planned, drawn.Count));
        }

        var remaining = candidates.Where(c => !used.Contains(c.Id)).ToList();
        Shuffle(remaining, random);
        var pretest = remaining.Take(plan.PretestItems).ToList();
        var blueprintDomains = plan.DomainItems.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var item in pretest)
        {
            var domainId = item.DomainIds.FirstOrDefault(blueprintDomains.Contains) ?? item.DomainIds[0];
            items.Add(new FormItem(item.Id, domainId, item.Difficulty, IsPretest: true));
        }

        Shuffle(items, random);
        return new AssembledForm(plan, items, allocations, pretest.Count, seed);
    }

    private static void ValidatePool(List<CandidateItem> pool)
    {
        foreach (var candidate in pool)
        {
            if (string.IsNullOrWhiteSpace(candidate.Id) || candidate.DomainIds is null || candidate.DomainIds.Count == 0)
            {
                throw new ArgumentException("Every candidate needs an id and at least one domain.", nameof(pool));
            }
        }

        for (var i = 1; i < pool.Count; i++)
        {
            if (string.Equals(pool[i - 1].Id, pool[i].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Candidate id '{pool[i].Id}' appears twice.", nameof(pool));
            }
        }
    }

    private static List<CandidateItem> DrawDomain(
        List<CandidateItem> available, int planned, DifficultyMix? targetMix, Random random)
    {
        if (available.Count <= planned)
        {
            Shuffle(available, random);
            return available;
        }

        var buckets = Enum.GetValues<Difficulty>()
            .Select(d => available.Where(c => c.Difficulty == d).ToList())
            .ToList();
        foreach (var bucket in buckets)
        {
            Shuffle(bucket, random);
        }

        var shares = targetMix?.Shares() ?? buckets.Select(b => (double)b.Count).ToArray();
        var wanted = ExamBlueprint.Hamilton(shares, planned);

        var drawn = new List<CandidateItem>(planned);
        for (var d = 0; d < buckets.Count; d++)
        {
            drawn.AddRange(buckets[d].Take(wanted[d]));
        }

        if (drawn.Count < planned)
        {
            // Some difficulty ran short: fill the gap at random from the questions not yet taken.
            var leftovers = buckets.SelectMany((b, d) => b.Skip(wanted[d])).ToList();
            Shuffle(leftovers, random);
            drawn.AddRange(leftovers.Take(planned - drawn.Count));
        }

        return drawn;
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}

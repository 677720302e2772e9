namespace CertPrep.Domain.Exams;

/// <summary>The outcome of one item.</summary>
public enum ItemOutcome
{
    /// <summary>The candidate chose the keyed answer.</summary>
    Correct,

    /// <summary>The candidate chose another answer.</summary>
    Incorrect,

    /// <summary>The candidate gave no answer; it scores as wrong.</summary>
    Unanswered,
}

/// <summary>A candidate's response to one item of a form.</summary>
/// <param name="ItemId">The item answered.</param>
/// <param name="Outcome">Correct, incorrect or unanswered.</param>
/// <param name="TimeSpent">Time spent on the item, when recorded.</param>
public sealed record ItemResponse(string ItemId, ItemOutcome Outcome, TimeSpan? TimeSpent = null);

/// <summary>Raw score of one domain, counting scored items only.</summary>
/// <param name="DomainId">The domain.</param>
/// <param name="Items">Scored items of the domain on the form.</param>
/// <param name="Correct">Items answered correctly.</param>
/// <param name="Incorrect">Items answered wrongly.</param>
/// <param name="Unanswered">Items left blank.</param>
public sealed record DomainScore(string DomainId, int Items, int Correct, int Incorrect, int Unanswered)
{
    /// <summary>Share of the domain's items answered correctly, 0 to 1 (0 when the domain has no items).</summary>
    public double ProportionCorrect => Items == 0 ? 0 : (double)Correct / Items;

    /// <summary>Percent of the domain's items answered correctly, 0 to 100.</summary>
    public double PercentCorrect => ProportionCorrect * 100;
}

/// <summary>
/// The raw result of a mock exam. Pretest items are left out of every count (as on the real exam) but their time
/// is included in the time figures. Items with no response count as unanswered, and unanswered items score as wrong.
/// Strongest and weakest domains are ranked by percent correct among domains with at least the minimum number of
/// scored items (ties go to the domain with more items, then blueprint order); both are null unless at least two
/// domains qualify and their percentages differ, because a ranking of one (or of equals) is no ranking.
/// </summary>
public sealed class ExamScore
{
    /// <summary>The default minimum of scored items a domain needs to be called strongest or weakest.</summary>
    public const int DefaultMinimumItemsForRanking = 5;

    private ExamScore(
        IReadOnlyList<DomainScore> domains, DomainScore? strongest, DomainScore? weakest, TimeSpan? totalTime, int timedItems)
    {
        Domains = domains;
        Strongest = strongest;
        Weakest = weakest;
        TotalTime = totalTime;
        MeanTimePerItem = totalTime is { } total && timedItems > 0 ? total / timedItems : null;
    }

    /// <summary>Scores per domain, in the form's domain order.</summary>
    public IReadOnlyList<DomainScore> Domains { get; }

    /// <summary>Scored items on the form.</summary>
    public int ScoredItems => Domains.Sum(d => d.Items);

    /// <summary>Scored items answered correctly: the raw score.</summary>
    public int Correct => Domains.Sum(d => d.Correct);

    /// <summary>Scored items answered wrongly.</summary>
    public int Incorrect => Domains.Sum(d => d.Incorrect);

    /// <summary>Scored items left blank.</summary>
    public int Unanswered => Domains.Sum(d => d.Unanswered);

    /// <summary>Share of scored items answered correctly, 0 to 1.</summary>
    public double ProportionCorrect => ScoredItems == 0 ? 0 : (double)Correct / ScoredItems;

    /// <summary>Percent of scored items answered correctly, 0 to 100.</summary>
    public double PercentCorrect => ProportionCorrect * 100;

    /// <summary>The qualifying domain with the highest percent correct, or null (see the class remarks).</summary>
    public DomainScore? Strongest { get; }

    /// <summary>The qualifying domain with the lowest percent correct, or null (see the class remarks).</summary>
    public DomainScore? Weakest { get; }

    /// <summary>Sum of recorded item times (scored and pretest), or null when no time was recorded.</summary>
    public TimeSpan? TotalTime { get; }

    /// <summary>Mean time over the items that have a recorded time, or null when none has.</summary>
    public TimeSpan? MeanTimePerItem { get; }

    /// <summary>Scores a taken form.</summary>
    /// <param name="form">The form that was taken.</param>
    /// <param name="responses">Responses by item id; at most one per item, only for items on the form.</param>
    /// <param name="minimumItemsForRanking">Scored items a domain needs to be ranked strongest or weakest.</param>
    /// <returns>The score.</returns>
    public static ExamScore Score(
        AssembledForm form, IEnumerable<ItemResponse> responses, int minimumItemsForRanking = DefaultMinimumItemsForRanking)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Score(form.Items, form.Domains.Select(d => d.DomainId), responses, minimumItemsForRanking);
    }

    /// <summary>Scores a list of items, for forms not built by <see cref="FormAssembler"/>.</summary>
    /// <param name="items">The items on the form with their domain and pretest flag.</param>
    /// <param name="domainOrder">Domains in report order; domains of items not listed here follow in order of appearance.</param>
    /// <param name="responses">Responses by item id; at most one per item, only for items on the form.</param>
    /// <param name="minimumItemsForRanking">Scored items a domain needs to be ranked strongest or weakest.</param>
    /// <returns>The score.</returns>
    public static ExamScore Score(
        IReadOnlyList<FormItem> items,
        IEnumerable<string> domainOrder,
        IEnumerable<ItemResponse> responses,
        int minimumItemsForRanking = DefaultMinimumItemsForRanking)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(domainOrder);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumItemsForRanking, 1);

        var itemIds = items.Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
        if (itemIds.Count != items.Count)
        {
            throw new ArgumentException("An item appears twice on the form.", nameof(items));
        }

        var byItem = new Dictionary<string, ItemResponse>(StringComparer.Ordinal);
        foreach (var response in responses)
        {
            if (!itemIds.Contains(response.ItemId))
            {
                throw new ArgumentException($"Item '{response.ItemId}' is not on the form.", nameof(responses));
            }

            if (!byItem.TryAdd(response.ItemId, response))
            {
                throw new ArgumentException($"Item '{response.ItemId}' has two responses.", nameof(responses));
            }
        }

        var order = domainOrder.Concat(items.Where(i => !i.IsPretest).Select(i => i.DomainId))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var domains = order.Select(domainId =>
        {
            var outcomes = items
                .Where(i => !i.IsPretest && string.Equals(i.DomainId, domainId, StringComparison.Ordinal))
                .Select(i => byItem.TryGetValue(i.ItemId, out var r) ? r.Outcome : ItemOutcome.Unanswered)
                .ToList();
            return new DomainScore(
                domainId,
                outcomes.Count,
                outcomes.Count(o => o == ItemOutcome.Correct),
                outcomes.Count(o => o == ItemOutcome.Incorrect),
                outcomes.Count(o => o == ItemOutcome.Unanswered));
        }).ToList();

        var ranked = domains
            .Select((d, index) => (Domain: d, Index: index))
            .Where(x => x.Domain.Items >= minimumItemsForRanking)
            .ToList();
        DomainScore? strongest = null;
        DomainScore? weakest = null;
        if (ranked.Count >= 2 && ranked.Select(x => x.Domain.Correct * 1.0 / x.Domain.Items).Distinct().Count() > 1)
        {
            strongest = ranked.OrderByDescending(x => x.Domain.ProportionCorrect)
                .ThenByDescending(x => x.Domain.Items).ThenBy(x => x.Index).First().Domain;
            weakest = ranked.OrderBy(x => x.Domain.ProportionCorrect)
                .ThenByDescending(x => x.Domain.Items).ThenBy(x => x.Index).First().Domain;
        }

        var times = byItem.Values.Where(r => r.TimeSpent is not null).Select(r => r.TimeSpent!.Value).ToList();
        TimeSpan? total = times.Count == 0 ? null : times.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);
        return new ExamScore(domains, strongest, weakest, total, times.Count);
    }
}

namespace CertPrep.Domain.Adaptive;

/// <summary>How abilities are modelled (documented in <c>docs/adaptive.md</c>).</summary>
/// <param name="DomainSpread">SD of a domain's ability around the learner's overall ability (the hierarchical prior's τ).</param>
/// <param name="HalfLifeDays">Days after which half of a domain's evidence has faded back toward the prior.</param>
public sealed record AbilityModel(double DomainSpread = 0.6, double HalfLifeDays = 120)
{
    /// <summary>The defaults above.</summary>
    public static AbilityModel Default { get; } = new();
}

/// <summary>
/// A learner's abilities: an overall ability from every answer, and one per domain whose prior is the overall ability
/// widened by <see cref="AbilityModel.DomainSpread"/> (so a domain with no answers starts from what the other domains
/// show, not from nothing). Evidence fades with time: a domain studied months ago drifts back toward its prior and grows
/// less certain. Immutable; an update returns the new abilities.
/// </summary>
public sealed class LearnerAbilities
{
    private readonly IReadOnlyDictionary<string, Ability> _domains;

    /// <summary>Abilities as stored.</summary>
    public LearnerAbilities(Ability overall, IReadOnlyDictionary<string, Ability> domains, AbilityModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(domains);
        Overall = overall;
        _domains = domains;
        Model = model ?? AbilityModel.Default;
    }

    /// <summary>A learner with no answers yet.</summary>
    public static LearnerAbilities New(AbilityModel? model = null) => new(Ability.Prior, new Dictionary<string, Ability>(StringComparer.Ordinal), model);

    /// <summary>The overall ability, from every answer.</summary>
    public Ability Overall { get; }

    /// <summary>The model's settings.</summary>
    public AbilityModel Model { get; }

    /// <summary>The domains with evidence, as stored (not decayed).</summary>
    public IReadOnlyDictionary<string, Ability> Domains => _domains;

    /// <summary>The prior of a domain: the overall ability, widened by the domain spread.</summary>
    public Ability DomainPrior(DateTimeOffset now)
    {
        var overall = Decayed(Overall, Ability.Prior, now);
        return new Ability(overall.Mean, Math.Sqrt(overall.Variance + (Model.DomainSpread * Model.DomainSpread)), 0, null);
    }

    /// <summary>A domain's ability at <paramref name="now"/>: its posterior, faded toward the prior with time.</summary>
    public Ability Domain(string domain, DateTimeOffset now)
    {
        var prior = DomainPrior(now);
        return _domains.TryGetValue(domain, out var estimate) ? Decayed(estimate, prior, now) : prior;
    }

    /// <summary>The abilities after one answer in <paramref name="domain"/> to an item with <paramref name="item"/> parameters.</summary>
    public LearnerAbilities Update(string domain, ItemParameters item, bool correct, DateTimeOffset now)
    {
        var current = Domain(domain, now);
        var (mean, sd) = Eap.Update(current.Mean, current.Sd, item, correct);
        var overall = Decayed(Overall, Ability.Prior, now);
        var (overallMean, overallSd) = Eap.Update(overall.Mean, overall.Sd, item, correct);
        var domains = new Dictionary<string, Ability>(_domains, StringComparer.Ordinal)
        {
            [domain] = new Ability(mean, sd, current.Responses + 1, now),
        };
        return new LearnerAbilities(new Ability(overallMean, overallSd, Overall.Responses + 1, now), domains, Model);
    }

    /// <summary>
    /// <paramref name="estimate"/> faded toward <paramref name="prior"/>: after t days a share 2^(−t/half-life) of the
    /// evidence remains, on the mean and on the variance (which grows back toward the prior's).
    /// </summary>
    public Ability Decayed(Ability estimate, Ability prior, DateTimeOffset now)
    {
        if (estimate.LastEvidence is not { } last || now <= last)
        {
            return estimate;
        }

        var kept = Math.Pow(0.5, (now - last).TotalDays / Model.HalfLifeDays);
        var mean = prior.Mean + ((estimate.Mean - prior.Mean) * kept);
        var variance = prior.Variance + ((estimate.Variance - prior.Variance) * kept);
        return estimate with { Mean = mean, Sd = Math.Sqrt(Math.Max(variance, 1e-6)) };
    }
}

namespace CertPrep.Domain.Adaptive;

/// <summary>One answer to an item, with the rest of that attempt's score for discrimination.</summary>
/// <param name="Correct">Whether it was right.</param>
/// <param name="ChosenOptions">Written option indexes chosen (empty for numeric answers).</param>
/// <param name="Seconds">Time spent, if known.</param>
/// <param name="RestScore">The share correct on the attempt's other items (the criterion for the point-biserial).</param>
public readonly record struct ItemAnswer(bool Correct, IReadOnlyList<int> ChosenOptions, double? Seconds, double RestScore);

/// <summary>What might be wrong with an item.</summary>
public enum ItemFlag
{
    /// <summary>Fewer than 30 responses: the statistics are unstable.</summary>
    SmallSample,

    /// <summary>Stronger learners miss it more often than weaker ones: check the key.</summary>
    NegativeDiscrimination,

    /// <summary>A distractor almost nobody chooses (under 5%): it is not working.</summary>
    UnusedDistractor,

    /// <summary>Far easier than the author's difficulty says.</summary>
    EasierThanStated,

    /// <summary>Far harder than the author's difficulty says.</summary>
    HarderThanStated,
}

/// <summary>Classical item analysis of one question version.</summary>
/// <param name="Responses">Answers.</param>
/// <param name="PValue">Share correct.</param>
/// <param name="PointBiserial">Correlation between being right and the rest score (null when undefined).</param>
/// <param name="OptionShares">Share of answers choosing each written option.</param>
/// <param name="AverageSeconds">Mean time, over answers with a time.</param>
/// <param name="Flags">Likely problems.</param>
public sealed record ItemStatistics(int Responses, double PValue, double? PointBiserial, IReadOnlyList<double> OptionShares, double? AverageSeconds, IReadOnlyList<ItemFlag> Flags)
{
    /// <summary>Fewer responses than this and the item is flagged as a small sample.</summary>
    public const int SmallSample = 30;

    /// <summary>Computes the statistics; <paramref name="keys"/> are the written indexes of the key options.</summary>
    public static ItemStatistics Compute(IReadOnlyList<ItemAnswer> responses, int options, IReadOnlyCollection<int> keys, Exams.Difficulty statedDifficulty)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(keys);
        var n = responses.Count;
        var correct = responses.Count(r => r.Correct);
        var p = n == 0 ? 0 : (double)correct / n;
        var shares = Enumerable.Range(0, options).Select(o => n == 0 ? 0 : (double)responses.Count(r => r.ChosenOptions.Contains(o)) / n).ToList();
        var timed = responses.Where(r => r.Seconds is not null).Select(r => r.Seconds!.Value).ToList();
        var rpb = PointBiserialOf(responses);
        var flags = new List<ItemFlag>();
        if (n < SmallSample)
        {
            flags.Add(ItemFlag.SmallSample);
        }

        if (rpb is < 0)
        {
            flags.Add(ItemFlag.NegativeDiscrimination);
        }

        if (n >= SmallSample && options > 0 && shares.Where((_, o) => !keys.Contains(o)).Any(s => s < 0.05))
        {
            flags.Add(ItemFlag.UnusedDistractor);
        }

        if (n >= SmallSample)
        {
            if (statedDifficulty == Exams.Difficulty.Hard && p > 0.80 || statedDifficulty == Exams.Difficulty.Medium && p > 0.92)
            {
                flags.Add(ItemFlag.EasierThanStated);
            }
            else if (statedDifficulty == Exams.Difficulty.Easy && p < 0.50 || statedDifficulty == Exams.Difficulty.Medium && p < 0.25)
            {
                flags.Add(ItemFlag.HarderThanStated);
            }
        }

        return new ItemStatistics(n, p, rpb, shares, timed.Count == 0 ? null : timed.Average(), flags);
    }

    /// <summary>
    /// KR-20 reliability of a set of attempts on the same items: k/(k−1) × (1 − Σ p q / variance of total scores).
    /// Null with fewer than two items or two attempts, or no variance.
    /// </summary>
    public static double? Kr20(IReadOnlyList<IReadOnlyList<bool>> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        if (attempts.Count < 2 || attempts[0].Count < 2)
        {
            return null;
        }

        var k = attempts[0].Count;
        var pq = 0.0;
        for (var item = 0; item < k; item++)
        {
            var pj = attempts.Average(a => a[item] ? 1.0 : 0.0);
            pq += pj * (1 - pj);
        }

        var totals = attempts.Select(a => (double)a.Count(x => x)).ToList();
        var mean = totals.Average();
        var variance = totals.Sum(t => (t - mean) * (t - mean)) / totals.Count;
        return variance <= 0 ? null : k / (k - 1.0) * (1 - (pq / variance));
    }

    private static double? PointBiserialOf(IReadOnlyList<ItemAnswer> responses)
    {
        var n = responses.Count;
        if (n < 2)
        {
            return null;
        }

        var meanX = responses.Average(r => r.Correct ? 1.0 : 0.0);
        var meanY = responses.Average(r => r.RestScore);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var r in responses)
        {
            var dx = (r.Correct ? 1.0 : 0.0) - meanX;
            var dy = r.RestScore - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx <= 0 || syy <= 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }
}

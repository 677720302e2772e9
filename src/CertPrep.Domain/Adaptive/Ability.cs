namespace CertPrep.Domain.Adaptive;

/// <summary>An ability estimate: the posterior mean and standard deviation on the θ scale, and the evidence behind it.</summary>
/// <param name="Mean">Posterior mean (EAP).</param>
/// <param name="Sd">Posterior standard deviation: the standard error.</param>
/// <param name="Responses">Answers that went into it.</param>
/// <param name="LastEvidence">When the last of them was given (<c>null</c> without evidence).</param>
public readonly record struct Ability(double Mean, double Sd, int Responses, DateTimeOffset? LastEvidence)
{
    /// <summary>The population prior: N(0, 1), no evidence.</summary>
    public static Ability Prior { get; } = new(0, 1, 0, null);

    /// <summary>Variance.</summary>
    public double Variance => Sd * Sd;
}

/// <summary>
/// Expected a posteriori updates on a fixed quadrature grid (61 points on [−4, 4]). The prior of each update is the
/// current estimate as a normal distribution (assumed-density filtering): one answer costs one pass over the grid, so
/// an update takes about a microsecond and needs no database round trip.
/// </summary>
public static class Eap
{
    /// <summary>Quadrature points.</summary>
    public const int Points = 61;

    /// <summary>Grid bounds.</summary>
    public const double Bound = 4.0;

    private static readonly double[] Grid = [.. Enumerable.Range(0, Points).Select(i => -Bound + (2 * Bound * i / (Points - 1)))];

    /// <summary>The grid's θ values.</summary>
    public static ReadOnlySpan<double> Thetas => Grid;

    /// <summary>The posterior after one answer, from a normal prior N(<paramref name="priorMean"/>, <paramref name="priorSd"/>²).</summary>
    public static (double Mean, double Sd) Update(double priorMean, double priorSd, ItemParameters item, bool correct)
    {
        Span<double> weights = stackalloc double[Points];
        var inverseVariance = 1 / (priorSd * priorSd);
        var max = double.NegativeInfinity;
        for (var i = 0; i < Points; i++)
        {
            var theta = Grid[i];
            var d = theta - priorMean;
            var p = item.Probability(theta);
            var log = (-0.5 * d * d * inverseVariance) + Math.Log(correct ? p : 1 - p);
            weights[i] = log;
            max = Math.Max(max, log);
        }

        return Moments(weights, max);
    }

    /// <summary>The posterior of a whole response pattern from a normal prior (the reference EAP).</summary>
    public static (double Mean, double Sd) Estimate(double priorMean, double priorSd, IReadOnlyList<(ItemParameters Item, bool Correct)> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        Span<double> weights = stackalloc double[Points];
        var max = double.NegativeInfinity;
        for (var i = 0; i < Points; i++)
        {
            var theta = Grid[i];
            var d = (theta - priorMean) / priorSd;
            var log = -0.5 * d * d;
            foreach (var (item, correct) in responses)
            {
                var p = item.Probability(theta);
                log += Math.Log(correct ? p : 1 - p);
            }

            weights[i] = log;
            max = Math.Max(max, log);
        }

        return Moments(weights, max);
    }

    private static (double Mean, double Sd) Moments(Span<double> logWeights, double max)
    {
        double total = 0, sum = 0, squares = 0;
        for (var i = 0; i < Points; i++)
        {
            var w = Math.Exp(logWeights[i] - max);
            total += w;
            sum += w * Grid[i];
            squares += w * Grid[i] * Grid[i];
        }

        var mean = sum / total;
        var variance = Math.Max((squares / total) - (mean * mean), 1e-6);
        return (mean, Math.Sqrt(variance));
    }
}

using System.Collections.ObjectModel;

namespace CertPrep.Domain.Scheduling;

/// <summary>
/// The 21 weights of FSRS-6 (w0..w20). Older vectors of 17 (FSRS-4.5) or 19 (FSRS-5) values are migrated and every
/// weight is clipped to the optimizer's bounds, as the reference implementation does, so a stored vector from any
/// version schedules the same way it does there.
/// </summary>
public sealed class FsrsParameters
{
    /// <summary>Lowest stability, in days.</summary>
    public const double MinStability = 0.001;

    /// <summary>Highest stability, in days (100 years).</summary>
    public const double MaxStability = 36500;

    private const double MaxInitialStability = 100;
    private const double W17W18Ceiling = 2;
    private const double Fsrs5Decay = 0.5;

    private static readonly double[] DefaultWeights =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    private readonly double[] _w;

    private FsrsParameters(double[] weights) => _w = weights;

    /// <summary>The FSRS-6 defaults.</summary>
    public static FsrsParameters Default { get; } = new(Clip([.. DefaultWeights], relearningSteps: 1, shortTerm: true));

    /// <summary>The 21 weights.</summary>
    public ReadOnlyCollection<double> Weights => Array.AsReadOnly(_w);

    /// <summary>Weight <paramref name="index"/> (0-20).</summary>
    public double this[int index] => _w[index];

    /// <summary>
    /// Reads a stored vector of 17, 19 or 21 weights: migrates the older versions and clips every weight to its
    /// bounds. <paramref name="relearningSteps"/> and <paramref name="shortTerm"/> narrow the bounds of w17-w19 as
    /// the reference does (more than one relearning step caps w17 and w18 so relearning cannot inflate stability).
    /// </summary>
    /// <exception cref="ArgumentException">The vector has another length, or a value that is not finite.</exception>
    public static FsrsParameters From(IReadOnlyList<double> weights, int relearningSteps = 1, bool shortTerm = true)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Any(w => !double.IsFinite(w)))
        {
            throw new ArgumentException("Every FSRS weight must be a finite number.", nameof(weights));
        }

        var w = weights.Count switch
        {
            21 => Clip([.. weights], relearningSteps, shortTerm),
            19 => [.. Clip([.. weights], relearningSteps, shortTerm), 0, Fsrs5Decay],
            17 => MigrateFsrs45(Clip([.. weights], relearningSteps, shortTerm)),
            _ => throw new ArgumentException($"FSRS takes 17, 19 or 21 weights, not {weights.Count}.", nameof(weights)),
        };

        // The reference clips again after migrating (a migrated w19 of 0 becomes the short-term floor).
        return new FsrsParameters(Clip(w, relearningSteps, shortTerm));
    }

    private static double[] MigrateFsrs45(double[] w)
    {
        w[4] = Math.Round((w[5] * 2) + w[4], 8, MidpointRounding.AwayFromZero);
        w[5] = Math.Round(Math.Log((w[5] * 3) + 1) / 3, 8, MidpointRounding.AwayFromZero);
        w[6] = Math.Round(w[6] + 0.5, 8, MidpointRounding.AwayFromZero);
        return [.. w, 0, 0, 0, Fsrs5Decay];
    }

    private static double[] Clip(double[] w, int relearningSteps, bool shortTerm)
    {
        var bounds = Bounds(shortTerm);
        if (relearningSteps > 1 && w.Length > 18)
        {
            // Several relearning steps each multiply stability by up to e^(w17*w18): cap them so a lapse cannot end
            // with more stability than it started with.
            var w11 = Math.Clamp(w[11], bounds[11].Min, bounds[11].Max);
            var w13 = Math.Clamp(w[13], bounds[13].Min, bounds[13].Max);
            var w14 = Math.Clamp(w[14], bounds[14].Min, bounds[14].Max);
            var value = -(Math.Log(w11) + Math.Log(Math.Pow(2, w13) - 1) + (w14 * 0.3)) / relearningSteps;
            var ceiling = Math.Clamp(Fsrs.RoundTo(Math.Sqrt(Math.Max(value, 0)), 8), 0.01, W17W18Ceiling);
            bounds[17] = (bounds[17].Min, ceiling);
            bounds[18] = (bounds[18].Min, ceiling);
        }

        for (var i = 0; i < w.Length; i++)
        {
            w[i] = Math.Min(Math.Max(w[i], bounds[i].Min), bounds[i].Max);
        }

        return w;
    }

    private static (double Min, double Max)[] Bounds(bool shortTerm) =>
    [
        (MinStability, MaxInitialStability), (MinStability, MaxInitialStability), (MinStability, MaxInitialStability),
        (MinStability, MaxInitialStability), (1, 10), (0.001, 4), (0.001, 4), (0.001, 0.75), (0, 4.5), (0, 0.8),
        (0.001, 3.5), (0.001, 5), (0.001, 0.25), (0.001, 0.9), (0, 4), (0, 1), (1, 6), (0, W17W18Ceiling),
        (0, W17W18Ceiling), (shortTerm ? 0.01 : 0, 0.8), (0.1, 0.8),
    ];
}

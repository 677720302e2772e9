namespace CertPrep.Domain.Adaptive;

/// <summary>
/// A question version's 3PL parameters on the logistic metric (no 1.7 constant):
/// <c>P(θ) = c + (1 − c) / (1 + e^(−a(θ − b)))</c>.
/// </summary>
/// <param name="A">Discrimination.</param>
/// <param name="B">Difficulty.</param>
/// <param name="C">Guessing floor: 1/options for choice questions, 0 for numeric and calculated ones.</param>
public readonly record struct ItemParameters(double A, double B, double C)
{
    /// <summary>The author's difficulty as a starting point: easy b = −1, medium 0, hard +1; a = 1.</summary>
    public static ItemParameters Prior(Exams.Difficulty difficulty, int options) =>
        new(1.0, difficulty switch { Exams.Difficulty.Easy => -1.0, Exams.Difficulty.Hard => 1.0, _ => 0.0 }, GuessingFloor(options));

    /// <summary>1/options for a choice question (capped at 0.5), 0 for a question answered with a number (options = 0).</summary>
    public static double GuessingFloor(int options) => options >= 2 ? Math.Min(0.5, 1.0 / options) : 0.0;

    /// <summary>The probability of a correct answer at ability <paramref name="theta"/>.</summary>
    public double Probability(double theta) => C + ((1 - C) / (1 + Math.Exp(-A * (theta - B))));

    /// <summary>Fisher information at <paramref name="theta"/>: <c>a² (Q/P) ((P − c)/(1 − c))²</c>.</summary>
    public double Information(double theta)
    {
        var p = Probability(theta);
        var q = 1 - p;
        var share = (p - C) / (1 - C);
        return A * A * (q / p) * share * share;
    }
}

namespace CertPrep.Domain.Adaptive;

/// <summary>How strongly the author's priors hold an item's parameters.</summary>
/// <param name="DifficultySd">SD of the normal prior on b around the author's difficulty.</param>
/// <param name="LogDiscriminationSd">SD of the normal prior on ln a around ln 1.</param>
/// <param name="Iterations">Newton steps (each a pass over the item's responses).</param>
public sealed record CalibrationPriors(double DifficultySd = 1.0, double LogDiscriminationSd = 0.5, int Iterations = 12)
{
    /// <summary>The defaults above.</summary>
    public static CalibrationPriors Default { get; } = new();
}

/// <summary>
/// Re-estimates an item's discrimination and difficulty from learners' answers (their abilities held fixed at their
/// current estimates), as the maximum a posteriori under normal priors centred on the author's values: with few
/// answers the estimate stays near the prior, with many it follows the data. The guessing floor stays fixed
/// (1/options, or 0 for numeric answers). A calculated question is one item whatever numbers were drawn.
/// </summary>
public static class ItemCalibrator
{
    /// <summary>The MAP parameters for one item.</summary>
    public static ItemParameters Calibrate(ItemParameters prior, IReadOnlyList<(double Theta, bool Correct)> responses, CalibrationPriors? priors = null)
    {
        ArgumentNullException.ThrowIfNull(responses);
        priors ??= CalibrationPriors.Default;
        var c = prior.C;
        var logA = Math.Log(Math.Max(prior.A, 0.05));
        var b = prior.B;
        var priorLogA = Math.Log(Math.Max(prior.A, 0.05));
        var va = priors.LogDiscriminationSd * priors.LogDiscriminationSd;
        var vb = priors.DifficultySd * priors.DifficultySd;
        for (var iteration = 0; iteration < priors.Iterations; iteration++)
        {
            var a = Math.Exp(logA);
            double gLogA = -(logA - priorLogA) / va, gB = -(b - prior.B) / vb;
            double hAA = 1 / va, hBB = 1 / vb, hAB = 0;
            foreach (var (theta, correct) in responses)
            {
                var s = 1 / (1 + Math.Exp(-a * (theta - b)));
                var p = c + ((1 - c) * s);
                p = Math.Clamp(p, 1e-9, 1 - 1e-9);
                var dPdz = (1 - c) * s * (1 - s);
                var residual = ((correct ? 1 : 0) - p) / (p * (1 - p)) * dPdz;
                var info = dPdz * dPdz / (p * (1 - p));
                var dzLogA = a * (theta - b);
                var dzB = -a;
                gLogA += residual * dzLogA;
                gB += residual * dzB;
                hAA += info * dzLogA * dzLogA;
                hBB += info * dzB * dzB;
                hAB += info * dzLogA * dzB;
            }

            // Fisher scoring: solve the 2x2 system (expected information plus the priors' curvature).
            var det = (hAA * hBB) - (hAB * hAB);
            if (det <= 1e-12)
            {
                break;
            }

            var stepLogA = ((hBB * gLogA) - (hAB * gB)) / det;
            var stepB = ((hAA * gB) - (hAB * gLogA)) / det;
            logA = Math.Clamp(logA + Math.Clamp(stepLogA, -1, 1), Math.Log(0.1), Math.Log(4));
            b = Math.Clamp(b + Math.Clamp(stepB, -1, 1), -4, 4);
            if (Math.Abs(stepLogA) < 1e-5 && Math.Abs(stepB) < 1e-5)
            {
                break;
            }
        }

        return new ItemParameters(Math.Exp(logA), b, c);
    }
}

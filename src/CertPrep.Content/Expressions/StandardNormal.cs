namespace CertPrep.Content.Expressions;

/// <summary>
/// The standard normal distribution (mean 0, standard deviation 1): the <c>normsdist</c> and <c>normsinv</c>
/// functions of calculated questions, with spreadsheet names and close to full double precision.
/// </summary>
public static class StandardNormal
{
    private const double Sqrt2 = 1.4142135623730951;
    private const double Sqrt2Pi = 2.5066282746310002;

    /// <summary>
    /// The cumulative distribution function P(Z ≤ <paramref name="z"/>), computed as ½·erfc(−z/√2) with W. J. Cody's
    /// rational approximations of erfc; absolute error about 1e-16. Returns NaN for NaN.
    /// </summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Sqrt2);

    /// <summary>
    /// The quantile (inverse CDF): the z with P(Z ≤ z) = <paramref name="p"/>. Uses P. J. Acklam's rational
    /// approximation refined by one Halley step against <see cref="Cdf"/>, for an absolute error below 1e-9 (in practice
    /// about 1e-15). Probabilities above ½ are solved in the upper tail, so <c>Quantile(1 − p) = −Quantile(p)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not strictly between 0 and 1.</exception>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1 is required.");
        }

        // 1 - p is exact for p in [0.5, 1), so the upper half loses nothing by being solved as a lower tail.
        return p > 0.5 ? -LowerQuantile(1 - p) : LowerQuantile(p);
    }

    /// <summary>Quantile for 0 &lt; p ≤ 0.5 (so the result is ≤ 0).</summary>
    private static double LowerQuantile(double p)
    {
        double x;
        if (p < AcklamLowBreak)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((AcklamC[0] * q + AcklamC[1]) * q + AcklamC[2]) * q + AcklamC[3]) * q + AcklamC[4]) * q + AcklamC[5])
                / ((((AcklamD[0] * q + AcklamD[1]) * q + AcklamD[2]) * q + AcklamD[3]) * q + 1);
        }
        else
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((AcklamA[0] * r + AcklamA[1]) * r + AcklamA[2]) * r + AcklamA[3]) * r + AcklamA[4]) * r + AcklamA[5]) * q
                / (((((AcklamB[0] * r + AcklamB[1]) * r + AcklamB[2]) * r + AcklamB[3]) * r + AcklamB[4]) * r + 1);
        }

        // One step of Halley's method on Cdf(x) - p = 0.
        var e = Cdf(x) - p;
        var u = e * Sqrt2Pi * Math.Exp(x * x / 2);
        var refined = x - u / (1 + x * u / 2);

        // For p in the subnormal range exp(x²/2) overflows; Acklam's value is then the best available.
        return double.IsFinite(refined) ? refined : x;
    }

    /// <summary>
    /// The complementary error function erfc(x) = 1 − erf(x), by W. J. Cody's rational Chebyshev approximations
    /// (ACM TOMS 715, CALERF), relative error near machine precision.
    /// </summary>
    internal static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var y = Math.Abs(x);
        double result;
        if (y <= 0.46875)
        {
            var ysq = y > CodyXSmall ? y * y : 0;
            var xnum = CodyA[4] * ysq;
            var xden = ysq;
            for (var i = 0; i < 3; i++)
            {
                xnum = (xnum + CodyA[i]) * ysq;
                xden = (xden + CodyB[i]) * ysq;
            }

            return 1 - x * (xnum + CodyA[3]) / (xden + CodyB[3]);
        }

        if (y <= 4)
        {
            var xnum = CodyC[8] * y;
            var xden = y;
            for (var i = 0; i < 7; i++)
            {
                xnum = (xnum + CodyC[i]) * y;
                xden = (xden + CodyD[i]) * y;
            }

            result = (xnum + CodyC[7]) / (xden + CodyD[7]) * ExpMinusSquare(y);
        }
        else if (y >= CodyXBig)
        {
            result = 0;
        }
        else
        {
            var ysq = 1 / (y * y);
            var xnum = CodyP[5] * ysq;
            var xden = ysq;
            for (var i = 0; i < 4; i++)
            {
                xnum = (xnum + CodyP[i]) * ysq;
                xden = (xden + CodyQ[i]) * ysq;
            }

            result = ysq * (xnum + CodyP[4]) / (xden + CodyQ[4]);
            result = (InverseSqrtPi - result) / y * ExpMinusSquare(y);
        }

        return x < 0 ? 2 - result : result;
    }

    /// <summary>exp(−y²), with y² split so the rounding of the square does not cost relative accuracy in the tail.</summary>
    private static double ExpMinusSquare(double y)
    {
        var ysq = Math.Truncate(y * 16) / 16;
        var del = (y - ysq) * (y + ysq);
        return Math.Exp(-ysq * ysq) * Math.Exp(-del);
    }

    private const double AcklamLowBreak = 0.02425;

    private static readonly double[] AcklamA =
    [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ];

    private static readonly double[] AcklamB =
    [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01,
    ];

    private static readonly double[] AcklamC =
    [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ];

    private static readonly double[] AcklamD =
    [
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00,
    ];

    private const double InverseSqrtPi = 0.56418958354775628695;
    private const double CodyXSmall = 1.11e-16;
    private const double CodyXBig = 26.543;

    private static readonly double[] CodyA =
    [
        3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
        3.20937758913846947e03, 1.85777706184603153e-1,
    ];

    private static readonly double[] CodyB =
    [
        2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03,
    ];

    private static readonly double[] CodyC =
    [
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
        2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
        2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8,
    ];

    private static readonly double[] CodyD =
    [
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
        1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
        3.43936767414372164e03, 1.23033935480374942e03,
    ];

    private static readonly double[] CodyP =
    [
        3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2,
    ];

    private static readonly double[] CodyQ =
    [
        2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
        6.05183413124413191e-2, 2.33520497626869185e-3,
    ];
}

namespace CertPrep.Domain.Exams;

/// <summary>
/// An exam's reporting scale and the assumed raw proportion correct that corresponds to its pass mark. No issuing
/// body publishes its raw-to-scaled conversion, so the mapping is an assumption: piecewise linear through
/// (0 → <see cref="Minimum"/>), (<see cref="CutProportion"/> → <see cref="PassMark"/>) and (1 → <see cref="Maximum"/>).
/// </summary>
/// <param name="Name">The scale's display name.</param>
/// <param name="Minimum">The lowest reportable score.</param>
/// <param name="PassMark">The lowest passing score.</param>
/// <param name="Maximum">The highest reportable score.</param>
/// <param name="CutProportion">Assumed proportion correct at the pass mark, strictly between 0 and 1.</param>
public sealed record ScoreScale(string Name, double Minimum, double PassMark, double Maximum, double CutProportion)
{
    /// <summary>The placeholder proportion correct assumed at the pass mark of a scaled exam.</summary>
    public const double DefaultCutProportion = 0.70;

    /// <summary>ASCM (CPIM, CSCP, CLTD): scaled 200–350, 300 to pass; the cut proportion is an assumption.</summary>
    /// <param name="cutProportion">Assumed proportion correct at 300.</param>
    /// <returns>The scale.</returns>
    public static ScoreScale Ascm(double cutProportion = DefaultCutProportion) =>
        Checked(new ScoreScale("ASCM scaled score", 200, 300, 350, cutProportion));

    /// <summary>
    /// ASQ (CSSGB, CSSBB): pass 550 of 750. ASQ publishes no lower end, so 0 is assumed; the cut proportion is an
    /// assumption too.
    /// </summary>
    /// <param name="cutProportion">Assumed proportion correct at 550.</param>
    /// <returns>The scale.</returns>
    public static ScoreScale Asq(double cutProportion = DefaultCutProportion) =>
        Checked(new ScoreScale("ASQ scaled score", 0, 550, 750, cutProportion));

    /// <summary>IASSC (Green and Black Belt): percent correct, 70 % to pass; the mapping is the identity.</summary>
    /// <returns>The scale.</returns>
    public static ScoreScale Iassc() => Checked(new ScoreScale("IASSC percent", 0, 70, 100, 0.70));

    /// <summary>
    /// Reads the scale an exam form publishes: a range such as <c>200-350</c> with a pass mark such as <c>300</c>
    /// (the cut proportion is then the <see cref="DefaultCutProportion"/> assumption), or <c>percent</c> with a pass
    /// mark such as <c>70%</c> (the mapping is the identity and the cut is the pass mark itself).
    /// </summary>
    /// <param name="name">The scale's display name.</param>
    /// <param name="scale">The published scale: <c>min-max</c> or <c>percent</c>.</param>
    /// <param name="passMark">The published pass mark: a number, optionally with <c>%</c>.</param>
    /// <param name="result">The parsed scale, when the text could be read.</param>
    /// <returns>True when both texts were understood and form a usable scale.</returns>
    public static bool TryParse(string name, string scale, string passMark, out ScoreScale? result)
    {
        result = null;
        if (!double.TryParse(passMark.Trim().TrimEnd('%').Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var pass))
        {
            return false;
        }

        double minimum, maximum, cut;
        if (string.Equals(scale.Trim(), "percent", StringComparison.OrdinalIgnoreCase))
        {
            (minimum, maximum, cut) = (0, 100, pass / 100);
        }
        else
        {
            var parts = scale.Split('-', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !double.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out minimum)
                || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out maximum))
            {
                return false;
            }

            cut = DefaultCutProportion;
        }

        var candidate = new ScoreScale(name, minimum, pass, maximum, cut);
        if (!(cut > 0 && cut < 1 && minimum < pass && pass < maximum))
        {
            return false;
        }

        result = candidate;
        return true;
    }

    /// <summary>Maps a proportion correct onto the scale (monotone, piecewise linear).</summary>
    /// <param name="proportion">Proportion correct, 0 to 1.</param>
    /// <returns>The scaled score.</returns>
    public double Map(double proportion)
    {
        var p = Math.Clamp(proportion, 0, 1);
        return p <= CutProportion
            ? Minimum + ((PassMark - Minimum) * p / CutProportion)
            : PassMark + ((Maximum - PassMark) * (p - CutProportion) / (1 - CutProportion));
    }

    /// <summary>Checks that the scale is usable and returns it.</summary>
    /// <param name="scale">The scale to check.</param>
    /// <returns>The same scale.</returns>
    public static ScoreScale Checked(ScoreScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (!(scale.CutProportion > 0 && scale.CutProportion < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "The cut proportion must lie strictly between 0 and 1.");
        }

        if (!(scale.Minimum < scale.PassMark && scale.PassMark < scale.Maximum))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "A scale needs minimum < pass mark < maximum.");
        }

        return scale;
    }
}

/// <summary>
/// An estimate of where a mock-exam result would land on the real exam's scale. The point estimate maps the raw
/// proportion correct through <see cref="ScoreScale.Map"/>; the range maps an 80 % Wilson score interval for the
/// proportion through the same mapping, so fewer items give a wider range; the pass likelihood is the posterior
/// probability that the true proportion correct is at or above the cut, under a uniform prior (Beta(1, 1)), so the
/// posterior is Beta(correct + 1, wrong + 1). Unanswered items count as wrong. It is always an estimate: the
/// mapping is an assumption, and a mock exam is not the real one.
/// </summary>
/// <param name="Scale">The scale projected onto.</param>
/// <param name="Correct">Scored items answered correctly.</param>
/// <param name="Items">Scored items on the form.</param>
/// <param name="Projected">Point estimate on the scale.</param>
/// <param name="Low">Lower end of the 80 % range on the scale.</param>
/// <param name="High">Upper end of the 80 % range on the scale.</param>
/// <param name="PassLikelihood">Probability, 0 to 1, that the true proportion correct is at or above the cut.</param>
public sealed record ScoreProjection(
    ScoreScale Scale, int Correct, int Items, double Projected, double Low, double High, double PassLikelihood)
{
    /// <summary>The confidence level of the range: 80 %, wide enough to be honest, narrow enough to be useful.</summary>
    public const double ConfidenceLevel = 0.80;

    /// <summary>The standard normal quantile for a two-sided 80 % interval, Φ⁻¹(0.90).</summary>
    public const double Z = 1.2815515655446004;

    /// <summary>Always true: a projection is an estimate, and screens must say so.</summary>
    public bool IsEstimate => true;

    /// <summary>Raw proportion correct, 0 to 1.</summary>
    public double ProportionCorrect => (double)Correct / Items;

    /// <summary>True when the point estimate reaches the pass mark.</summary>
    public bool ProjectedPass => Projected >= Scale.PassMark;

    /// <summary>Projects a scored mock exam onto a scale.</summary>
    /// <param name="score">The raw score (at least one scored item).</param>
    /// <param name="scale">The exam's scale.</param>
    /// <returns>The projection.</returns>
    public static ScoreProjection Project(ExamScore score, ScoreScale scale)
    {
        ArgumentNullException.ThrowIfNull(score);
        return Project(score.Correct, score.ScoredItems, scale);
    }

    /// <summary>Projects a raw score onto a scale.</summary>
    /// <param name="correct">Scored items answered correctly (0 to <paramref name="items"/>).</param>
    /// <param name="items">Scored items on the form (at least 1).</param>
    /// <param name="scale">The exam's scale.</param>
    /// <returns>The projection.</returns>
    public static ScoreProjection Project(int correct, int items, ScoreScale scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(correct);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(correct, items);
        ScoreScale.Checked(scale);

        var (low, high) = WilsonInterval(correct, items);
        var passLikelihood = 1 - IncompleteBeta.Regularized(scale.CutProportion, correct + 1, items - correct + 1);
        return new ScoreProjection(
            scale,
            correct,
            items,
            scale.Map((double)correct / items),
            scale.Map(low),
            scale.Map(high),
            passLikelihood);
    }

    /// <summary>The 80 % Wilson score interval for a proportion; unlike the plain normal interval it stays inside [0, 1] and is sensible at 0 and n correct.</summary>
    /// <param name="correct">Successes.</param>
    /// <param name="items">Trials (at least 1).</param>
    /// <returns>Lower and upper bounds of the proportion.</returns>
    public static (double Low, double High) WilsonInterval(int correct, int items)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(correct);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(correct, items);

        double n = items;
        var p = correct / n;
        var z2 = Z * Z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = Z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

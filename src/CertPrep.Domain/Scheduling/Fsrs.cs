namespace CertPrep.Domain.Scheduling;

/// <summary>A card's memory: stability (days until recall probability falls to 90%) and difficulty (1-10).</summary>
/// <param name="Stability">Days at which retrievability is 0.9.</param>
/// <param name="Difficulty">How hard the card is for this learner, 1 (easy) to 10.</param>
public readonly record struct MemoryState(double Stability, double Difficulty);

/// <summary>
/// The FSRS-6 memory model: the forgetting curve, the interval for a desired retention, and how a review changes
/// stability and difficulty. Intermediate results are rounded to 8 decimals where the reference implementation
/// (ts-fsrs) rounds them, so intervals computed here equal the reference's exactly.
/// </summary>
public sealed class Fsrs
{
    private readonly FsrsParameters _w;
    private readonly double _decay;
    private readonly double _factor;
    private readonly double _expW8;
    private readonly double _easyInitialDifficulty;
    private readonly double _lapseFloorDivisor;

    /// <summary>Builds the model for a learner's weights and desired retention.</summary>
    /// <param name="parameters">The 21 weights.</param>
    /// <param name="desiredRetention">Recall probability at which a card is due, in (0, 1].</param>
    /// <param name="maximumInterval">Longest interval in days.</param>
    /// <param name="shortTerm">Whether same-day reviews use the short-term formula (learning steps on).</param>
    public Fsrs(FsrsParameters parameters, double desiredRetention = 0.9, int maximumInterval = 36500, bool shortTerm = true)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (desiredRetention is <= 0 or > 1 || double.IsNaN(desiredRetention))
        {
            throw new ArgumentOutOfRangeException(nameof(desiredRetention), desiredRetention, "Desired retention is in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maximumInterval, 1);
        _w = parameters;
        DesiredRetention = desiredRetention;
        MaximumInterval = maximumInterval;
        ShortTerm = shortTerm;
        _decay = -parameters[20];
        _factor = RoundTo(Math.Exp(Math.Log(0.9) / _decay) - 1, 8);
        IntervalModifier = RoundTo((Math.Pow(desiredRetention, 1 / _decay) - 1) / _factor, 8);
        _expW8 = Math.Exp(parameters[8]);
        _easyInitialDifficulty = RoundTo(parameters[4] - Math.Exp(3 * parameters[5]) + 1, 8);
        _lapseFloorDivisor = shortTerm ? Math.Exp(parameters[17] * parameters[18]) : 1;
    }

    /// <summary>The weights.</summary>
    public FsrsParameters Parameters => _w;

    /// <summary>Recall probability at which a card falls due.</summary>
    public double DesiredRetention { get; }

    /// <summary>Longest interval in days.</summary>
    public int MaximumInterval { get; }

    /// <summary>Whether same-day reviews use the short-term stability formula.</summary>
    public bool ShortTerm { get; }

    /// <summary>Days per day of stability for the desired retention (1 at 0.9).</summary>
    public double IntervalModifier { get; }

    /// <summary>The probability of recalling a card <paramref name="elapsedDays"/> after its last review.</summary>
    public double Retrievability(double elapsedDays, double stability) =>
        RoundTo(Math.Pow(1 + (_factor * elapsedDays / stability), _decay), 8);

    /// <summary>Days after the last review at which retrievability falls to <paramref name="retention"/> (not rounded).</summary>
    public double DaysUntil(double retention, double stability) =>
        stability / _factor * (Math.Pow(retention, 1 / _decay) - 1);

    /// <summary>The interval for a stability at the desired retention: whole days, at least 1, at most the maximum.</summary>
    public int Interval(double stability) =>
        (int)Math.Min(Math.Max(1, JsRound(stability * IntervalModifier)), MaximumInterval);

    /// <summary>
    /// The memory state after a review graded <paramref name="grade"/> <paramref name="elapsedDays"/> days after the
    /// previous one (<c>null</c> for a card's first review). <paramref name="retrievability"/>, when given, is used
    /// instead of the forgetting curve (the reference passes the value it computed before the review).
    /// </summary>
    public MemoryState Next(MemoryState? state, int elapsedDays, Grade grade, double? retrievability = null)
    {
        var g = (int)grade;
        if (state is not { } s || (s.Stability == 0 && s.Difficulty == 0))
        {
            return new MemoryState(Math.Max(_w[g - 1], 0.1), Math.Clamp(InitialDifficulty(g), 1, 10));
        }

        var stability = s.Stability;
        double next;
        if (elapsedDays == 0 && ShortTerm)
        {
            var increase = Math.Pow(stability, -_w[19]) * Math.Exp(_w[17] * (g - 3 + _w[18]));
            next = RoundTo(Math.Clamp(stability * (g >= 2 ? Math.Max(increase, 1) : increase), FsrsParameters.MinStability, FsrsParameters.MaxStability), 8);
        }
        else
        {
            var r = retrievability ?? Retrievability(elapsedDays, stability);
            if (grade == Grade.Again)
            {
                var forgotten = RoundTo(Math.Clamp(
                    _w[11] * Math.Pow(s.Difficulty, -_w[12]) * (Math.Pow(stability + 1, _w[13]) - 1) * Math.Exp((1 - r) * _w[14]),
                    FsrsParameters.MinStability,
                    FsrsParameters.MaxStability), 8);
                next = Math.Min(Math.Max(RoundTo(stability / _lapseFloorDivisor, 8), FsrsParameters.MinStability), forgotten);
            }
            else
            {
                var hardPenalty = grade == Grade.Hard ? _w[15] : 1;
                var easyBonus = grade == Grade.Easy ? _w[16] : 1;
                next = RoundTo(Math.Clamp(
                    stability * (1 + (_expW8 * (11 - s.Difficulty) * Math.Pow(stability, -_w[9]) * (Math.Exp((1 - r) * _w[10]) - 1) * hardPenalty * easyBonus)),
                    FsrsParameters.MinStability,
                    FsrsParameters.MaxStability), 8);
            }
        }

        return new MemoryState(next, NextDifficulty(s.Difficulty, g));
    }

    /// <summary>Rounds like JavaScript's <c>Math.round(x * 10^d) / 10^d</c> (halves up), as the reference does.</summary>
    public static double RoundTo(double value, int decimals)
    {
        var scale = Math.Pow(10, decimals);
        return JsRound(value * scale) / scale;
    }

    /// <summary>JavaScript's <c>Math.round</c>: the nearest integer, halves toward positive infinity.</summary>
    public static double JsRound(double value) => Math.Floor(value + 0.5);

    private double InitialDifficulty(int grade) => RoundTo(_w[4] - Math.Exp((grade - 1) * _w[5]) + 1, 8);

    private double NextDifficulty(double difficulty, int grade)
    {
        var delta = -_w[6] * (grade - 3);
        var damped = difficulty + RoundTo(delta * (10 - difficulty) / 9, 8);
        var reverted = RoundTo((_w[7] * _easyInitialDifficulty) + ((1 - _w[7]) * damped), 8);
        return Math.Clamp(reverted, 1, 10);
    }
}

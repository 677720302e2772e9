namespace CertPrep.Domain.Planning;

/// <summary>Days in a row with study done.</summary>
/// <param name="Current">The run that ends today (or yesterday, while today is still open).</param>
/// <param name="Longest">The longest run in the dates given.</param>
public readonly record struct StudyStreak(int Current, int Longest)
{
    /// <summary>
    /// The streak from the dates with study done. Days the learner does not plan to study (not a study day, or an
    /// easy day with no time) neither count nor break a run; today, until it is over, does not break one either.
    /// </summary>
    public static StudyStreak Of(IReadOnlySet<DateOnly> studied, DateOnly today, Func<DateOnly, bool>? isStudyDay = null)
    {
        ArgumentNullException.ThrowIfNull(studied);
        var planned = isStudyDay ?? (_ => true);
        var first = studied.Count == 0 ? today : studied.Min();
        var current = 0;
        for (var day = today; day >= first; day = day.AddDays(-1))
        {
            if (studied.Contains(day))
            {
                current++;
            }
            else if (day != today && planned(day))
            {
                break;
            }
        }

        var longest = 0;
        var run = 0;
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            if (studied.Contains(day))
            {
                longest = Math.Max(longest, ++run);
            }
            else if (day != today && planned(day))
            {
                run = 0;
            }
        }

        return new StudyStreak(current, Math.Max(longest, current));
    }
}

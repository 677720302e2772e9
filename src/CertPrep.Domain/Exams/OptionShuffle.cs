namespace CertPrep.Domain.Exams;

/// <summary>
/// Shuffles the answer options of a question while keeping pinned options (such as "All of the above") where the
/// author wrote them. The free options are shuffled among the free positions with a Fisher–Yates shuffle, so every
/// arrangement of them is equally likely, and the same seed always gives the same arrangement.
/// </summary>
public static class OptionShuffle
{
    /// <summary>Computes the display order of a question's options for a seed.</summary>
    /// <param name="optionCount">How many options the question has (at least 1).</param>
    /// <param name="pinned">Zero-based written positions of the options that must not move.</param>
    /// <param name="seed">The seed; store it to show the same order again.</param>
    /// <returns>For each display position, the zero-based written index of the option shown there.</returns>
    public static IReadOnlyList<int> Permutation(int optionCount, IEnumerable<int> pinned, int seed) =>
        Permutation(optionCount, pinned, new Random(seed));

    /// <summary>Computes the display order of a question's options with the given random source.</summary>
    /// <param name="optionCount">How many options the question has (at least 1).</param>
    /// <param name="pinned">Zero-based written positions of the options that must not move.</param>
    /// <param name="random">The random source (seeded by the caller for reproducible orders).</param>
    /// <returns>For each display position, the zero-based written index of the option shown there.</returns>
    public static IReadOnlyList<int> Permutation(int optionCount, IEnumerable<int> pinned, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(optionCount, 1);
        ArgumentNullException.ThrowIfNull(pinned);
        ArgumentNullException.ThrowIfNull(random);

        var pinnedSet = pinned.ToHashSet();
        if (pinnedSet.Any(p => p < 0 || p >= optionCount))
        {
            throw new ArgumentOutOfRangeException(nameof(pinned), "Pinned positions must be option indexes.");
        }

        var free = Enumerable.Range(0, optionCount).Where(i => !pinnedSet.Contains(i)).ToArray();
        var shuffled = (int[])free.Clone();
        for (var i = shuffled.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        var order = Enumerable.Range(0, optionCount).ToArray();
        for (var k = 0; k < free.Length; k++)
        {
            order[free[k]] = shuffled[k];
        }

        return order;
    }
}

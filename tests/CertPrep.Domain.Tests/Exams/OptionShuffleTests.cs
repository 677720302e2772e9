using CertPrep.Domain.Exams;

namespace CertPrep.Domain.Tests.Exams;

public sealed class OptionShuffleTests
{
    public static TheoryData<int, int[]> Cases => new()
    {
        { 3, [] },
        { 4, [3] },
        { 5, [0, 4] },
        { 6, [2] },
        { 6, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Permutation_KeepsPinnedOptionsInPlace_WhenManySeeds(int optionCount, int[] pinned)
    {
        for (var seed = 0; seed < 1_000; seed++)
        {
            var order = OptionShuffle.Permutation(optionCount, pinned, seed);

            order.OrderBy(i => i).ShouldBe(Enumerable.Range(0, optionCount));
            foreach (var position in pinned)
            {
                order[position].ShouldBe(position);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Permutation_PutsEveryFreeOptionInEveryFreeSlot_WhenManySeeds(int optionCount, int[] pinned)
    {
        var free = Enumerable.Range(0, optionCount).Except(pinned).ToList();
        var seen = new HashSet<(int Slot, int Option)>();

        for (var seed = 0; seed < 2_000; seed++)
        {
            var order = OptionShuffle.Permutation(optionCount, pinned, seed);
            foreach (var slot in free)
            {
                seen.Add((slot, order[slot]));
            }
        }

        seen.Count.ShouldBe(free.Count * free.Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Permutation_ReachesEveryArrangement_WhenNothingIsPinned(int optionCount)
    {
        var arrangements = new HashSet<string>();

        for (var seed = 0; seed < 5_000; seed++)
        {
            arrangements.Add(string.Join(',', OptionShuffle.Permutation(optionCount, [], seed)));
        }

        arrangements.Count.ShouldBe(Enumerable.Range(1, optionCount).Aggregate(1, (f, k) => f * k));
    }

    [Fact]
    public void Permutation_ReturnsTheSameOrder_WhenSameSeed()
    {
        var first = OptionShuffle.Permutation(6, [5], seed: 1234);
        var second = OptionShuffle.Permutation(6, [5], seed: 1234);

        second.ShouldBe(first);
    }

    [Fact]
    public void Permutation_ReturnsIdentity_WhenAllPinned()
    {
        OptionShuffle.Permutation(4, [0, 1, 2, 3], seed: 9).ShouldBe([0, 1, 2, 3]);
    }

    [Fact]
    public void Permutation_Throws_WhenPinnedPositionIsOutOfRange()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => OptionShuffle.Permutation(4, [4], seed: 1));
    }
}

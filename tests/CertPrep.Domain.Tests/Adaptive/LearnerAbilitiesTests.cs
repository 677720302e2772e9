using CertPrep.Domain.Adaptive;

namespace CertPrep.Domain.Tests.Adaptive;

public sealed class LearnerAbilitiesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly ItemParameters Medium = new(1.2, 0, 0.25);

    [Fact]
    public void Update_NarrowsTheDomain_AndMovesTheOverallAbility()
    {
        var learner = LearnerAbilities.New();
        for (var i = 0; i < 12; i++)
        {
            learner = learner.Update("inventory", Medium, correct: i % 3 != 0, Now);
        }

        var inventory = learner.Domain("inventory", Now);
        inventory.Mean.ShouldBeGreaterThan(0, "two in three right, a little above the 62.5% an average learner gets");
        inventory.Sd.ShouldBeLessThan(0.65, "twelve answers narrow the domain well below its prior of about 1.1");
        inventory.Responses.ShouldBe(12);
        learner.Overall.Mean.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void ANewDomain_StartsFromTheOverallAbility_NotFromNothing()
    {
        var learner = LearnerAbilities.New();
        for (var i = 0; i < 15; i++)
        {
            learner = learner.Update(i % 2 == 0 ? "demand" : "supply", Medium, correct: true, Now);
        }

        var unseen = learner.Domain("inventory", Now);

        unseen.Mean.ShouldBe(learner.Overall.Mean, 1e-9);
        unseen.Sd.ShouldBe(Math.Sqrt(learner.Overall.Variance + (0.6 * 0.6)), 1e-9);
        unseen.Responses.ShouldBe(0);
    }

    [Fact]
    public void OldEvidence_FadesTowardThePrior_AndGrowsLessCertain()
    {
        var learner = LearnerAbilities.New();
        for (var i = 0; i < 12; i++)
        {
            learner = learner.Update("quality", Medium, correct: i % 4 != 0, Now);
        }

        var fresh = learner.Domain("quality", Now);
        var later = learner.Domain("quality", Now.AddDays(120));

        later.Sd.ShouldBeGreaterThan(fresh.Sd);
        Math.Abs(later.Mean).ShouldBeLessThan(Math.Abs(fresh.Mean), "both the domain and the overall ability drift back toward the population mean");
        later.Responses.ShouldBe(fresh.Responses, "the evidence count is kept; only its weight fades");
    }

    [Fact]
    public void Decayed_KeepsHalfTheEvidence_AfterOneHalfLife()
    {
        var learner = LearnerAbilities.New();
        var estimate = new Ability(2, 0.3, 20, Now);

        var half = learner.Decayed(estimate, Ability.Prior, Now.AddDays(AbilityModel.Default.HalfLifeDays));

        half.Mean.ShouldBe(1, 1e-9);
        half.Variance.ShouldBe(1 + ((0.09 - 1) * 0.5), 1e-9);
    }
}

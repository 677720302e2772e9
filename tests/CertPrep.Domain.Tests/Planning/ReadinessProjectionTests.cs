using CertPrep.Domain.Adaptive;
using CertPrep.Domain.Planning;

namespace CertPrep.Domain.Tests.Planning;

public sealed class ReadinessProjectionTests
{
    [Fact]
    public void Project_HalvesTheGapToTheCeiling_EveryHalvingNumberOfQuestions()
    {
        var now = new Mastery(0.52, 0.40, 0.64, 20);

        var projected = ReadinessProjection.Project(now, (int)ReadinessProjection.QuestionsToHalveGap);

        projected.Share.ShouldBe(0.52 + ((ReadinessProjection.Ceiling - 0.52) / 2), 1e-12);
        projected.Responses.ShouldBe(20 + 150);
        (projected.High - projected.Low).ShouldBeLessThan(now.High - now.Low, "more evidence, a narrower interval");
        projected.Low.ShouldBeLessThan(projected.Share);
        projected.High.ShouldBeGreaterThan(projected.Share);
    }

    [Fact]
    public void Project_ChangesNothing_WithoutPractice_OrAboveTheCeiling()
    {
        var now = new Mastery(0.6, 0.5, 0.7, 5);
        ReadinessProjection.Project(now, 0).ShouldBe(now);
        var strong = new Mastery(0.95, 0.9, 0.98, 300);
        ReadinessProjection.Project(strong, 500).ShouldBe(strong);
    }

    [Fact]
    public void PlannedQuestions_CountsPracticeTasksPerDomain_FromTheDateOn()
    {
        var today = new DateOnly(2026, 3, 2);
        PlanTask Practice(string domain) => new($"practice:{domain}:{Guid.NewGuid()}", PlanTaskKind.Practice, domain, "p", 15, PlanPhase.Learn);
        var plan = new StudyPlan(
            [
                new PlanDay(today.AddDays(-1), 60, [Practice("demand")]),
                new PlanDay(today, 60, [Practice("demand"), Practice("supply"), new PlanTask("read:x", PlanTaskKind.Read, "x", "r", 20, PlanPhase.Learn)]),
                new PlanDay(today.AddDays(1), 60, [Practice("demand")]),
            ],
            null, null, [], true, 0, []);

        var questions = ReadinessProjection.PlannedQuestions(plan, today);

        questions["demand"].ShouldBe(20);
        questions["supply"].ShouldBe(10);
        questions.ContainsKey("x").ShouldBeFalse();
    }
}

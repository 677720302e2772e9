using CertPrep.Domain.Planning;

namespace CertPrep.Domain.Tests.Planning;

public sealed class PlanProgressTests
{
    private static readonly PlanTask Read = new("read:m1", PlanTaskKind.Read, "m1", "Read: One", 30, PlanPhase.Learn);
    private static readonly PlanTask PracticeA = new("practice:m1", PlanTaskKind.Practice, "demand", "Practise: Demand", 15, PlanPhase.Learn);
    private static readonly PlanTask PracticeB = new("practice:demand:x", PlanTaskKind.Practice, "demand", "Adaptive practice: Demand", 15, PlanPhase.Learn);
    private static readonly PlanTask Review = new("review:2026-03-02", PlanTaskKind.Review, "reviews", "Reviews", 10, PlanPhase.Learn);
    private static readonly PlanTask Mock = new("mock:half-1", PlanTaskKind.MockExam, "half", "Half-length mock exam", 90, PlanPhase.Learn);

    [Fact]
    public void Of_TicksNothing_WhenNothingWasDone()
    {
        var progress = PlanProgress.Of([Read, PracticeA, Review, Mock], DayActivity.None with { ReviewsLeft = 12 });

        progress.ShouldAllBe(p => !p.Done && p.Fraction == 0);
        progress[2].Detail.ShouldBe("0 of 12 reviews");
    }

    [Fact]
    public void Of_FillsPracticeTasksInOrder_FromTheDaysQuestionsOfTheirDomain()
    {
        var activity = DayActivity.None with { QuestionsByDomain = new Dictionary<string, int> { ["demand"] = 14, ["supply"] = 30 } };

        var progress = PlanProgress.Of([PracticeA, PracticeB], activity);

        progress[0].Done.ShouldBeTrue();
        progress[1].Done.ShouldBeFalse("the other domain's questions do not count");
        progress[1].Fraction.ShouldBe(0.4);
        progress[1].Detail.ShouldBe("4 of 10 questions");
    }

    [Fact]
    public void Of_AsksForTheTasksOwnNumberOfQuestions_InALighterPlan()
    {
        var five = PracticeA with { Questions = 5 };

        var progress = PlanProgress.Of([five, PracticeB], DayActivity.None with { QuestionsByDomain = new Dictionary<string, int> { ["demand"] = 7 } });

        progress[0].Done.ShouldBeTrue();
        progress[0].Detail.ShouldBe("5 of 5 questions");
        progress[1].Detail.ShouldBe("2 of 10 questions");
    }

    [Fact]
    public void Of_TicksReadingReviewsAndMock_WhenTheModuleIsReadReviewsClearedAndAMockSubmitted()
    {
        var activity = new DayActivity(new HashSet<string> { "m1" }, new Dictionary<string, int>(), ReviewsDone: 8, ReviewsLeft: 0, MocksSubmitted: 1, MockInProgress: false);

        var progress = PlanProgress.Of([Read, Review, Mock], activity);

        progress.ShouldAllBe(p => p.Done && p.Fraction == 1);
        progress[1].Detail.ShouldBe("All due reviews done (8)");
    }

    [Fact]
    public void Of_ShowsAMockInProgress_AndCountsEachSubmittedMockOnce()
    {
        var second = Mock with { Id = "mock:final", Target = "full" };

        var progress = PlanProgress.Of([Mock, second], DayActivity.None with { MocksSubmitted = 1, MockInProgress = true });

        progress[0].Done.ShouldBeTrue();
        progress[1].Done.ShouldBeFalse();
        progress[1].Detail.ShouldBe("In progress");
    }
}

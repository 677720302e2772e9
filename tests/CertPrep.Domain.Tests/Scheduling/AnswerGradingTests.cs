using CertPrep.Domain.Practice;
using CertPrep.Domain.Scheduling;

namespace CertPrep.Domain.Tests.Scheduling;

public sealed class AnswerGradingTests
{
    private static readonly TimeSpan[] UsualTimes = [.. new[] { 30, 40, 50, 60, 70 }.Select(s => TimeSpan.FromSeconds(s))];

    [Theory]
    [InlineData(false, Confidence.Sure, 10, Grade.Again)]
    [InlineData(false, null, 10, Grade.Again)]
    [InlineData(true, Confidence.Guessing, 10, Grade.Hard)]
    [InlineData(true, Confidence.Unsure, 10, Grade.Hard)]
    [InlineData(true, null, 10, Grade.Good)]
    [InlineData(true, Confidence.Sure, 60, Grade.Good)]
    [InlineData(true, Confidence.Sure, 50, Grade.Good)]
    [InlineData(true, Confidence.Sure, 49, Grade.Easy)]
    public void GradeFor_FollowsTheDocumentedRule(bool correct, Confidence? confidence, int seconds, Grade grade)
    {
        AnswerGrading.Default.GradeFor(correct, confidence, TimeSpan.FromSeconds(seconds), UsualTimes).ShouldBe(grade);
    }

    [Fact]
    public void GradeFor_GivesNoEasy_WhenTooFewAnswersForAMedian()
    {
        AnswerGrading.Default.GradeFor(true, Confidence.Sure, TimeSpan.FromSeconds(1), UsualTimes[..4]).ShouldBe(Grade.Good);
    }

    [Fact]
    public void GradeFor_GivesNoEasy_WhenTheTimeIsUnknown()
    {
        AnswerGrading.Default.GradeFor(true, Confidence.Sure, null, UsualTimes).ShouldBe(Grade.Good);
    }

    [Fact]
    public void Median_AveragesTheMiddlePair_WhenEvenCount()
    {
        AnswerGrading.Default.Median([.. UsualTimes, TimeSpan.FromSeconds(80)]).ShouldBe(TimeSpan.FromSeconds(55));
    }

    [Fact]
    public void GradeFor_UsesTheConfiguredGrades_WhenChangedInOnePlace()
    {
        var strict = AnswerGrading.Default with { RightGuessing = Grade.Again, RightUnsure = Grade.Good };

        strict.GradeFor(true, Confidence.Guessing, null, UsualTimes).ShouldBe(Grade.Again);
        strict.GradeFor(true, Confidence.Unsure, null, UsualTimes).ShouldBe(Grade.Good);
    }
}

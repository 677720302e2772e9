using CertPrep.Domain.Exams;

namespace CertPrep.Domain.Tests.Exams;

public sealed class ScoreProjectionTests
{
    public static TheoryData<string> Scales => new(["ascm", "asq", "iassc"]);

    [Theory]
    [InlineData(0.0, 200)]
    [InlineData(0.35, 250)]
    [InlineData(0.70, 300)]
    [InlineData(0.85, 325)]
    [InlineData(1.0, 350)]
    public void Map_IsPiecewiseLinearThroughTheCut_WhenAscmScale(double proportion, double expected)
    {
        ScoreScale.Ascm().Map(proportion).ShouldBe(expected, tolerance: 1e-9);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.70, 550)]
    [InlineData(1.0, 750)]
    public void Map_HitsThePassMarkAtTheCut_WhenAsqScale(double proportion, double expected)
    {
        ScoreScale.Asq().Map(proportion).ShouldBe(expected, tolerance: 1e-9);
    }

    [Fact]
    public void Map_IsThePercentage_WhenIasscScale()
    {
        for (var percent = 0; percent <= 100; percent++)
        {
            ScoreScale.Iassc().Map(percent / 100.0).ShouldBe(percent, tolerance: 1e-9);
        }
    }

    [Fact]
    public void Map_MovesThePassPoint_WhenCutProportionIsConfigured()
    {
        ScoreScale.Ascm(cutProportion: 0.65).Map(0.65).ShouldBe(300, tolerance: 1e-9);
    }

    [Fact]
    public void Checked_Throws_WhenCutIsNotStrictlyBetweenZeroAndOne()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ScoreScale.Ascm(cutProportion: 1.0));
    }

    [Fact]
    public void WilsonInterval_MatchesHandComputedBounds_WhenSevenOfTen()
    {
        // z = 1.2815515655446004: centre (0.7 + z²/20) / (1 + z²/10), half-width z √(0.021 + z²/400) / (1 + z²/10).
        var (low, high) = ScoreProjection.WilsonInterval(7, 10);

        low.ShouldBe(0.497372, tolerance: 1e-6);
        high.ShouldBe(0.846201, tolerance: 1e-6);
    }

    [Fact]
    public void WilsonInterval_StaysInsideZeroToOne_WhenAllCorrectOrAllWrong()
    {
        var (lowAll, highAll) = ScoreProjection.WilsonInterval(20, 20);
        var (lowNone, highNone) = ScoreProjection.WilsonInterval(0, 20);

        highAll.ShouldBe(1.0, tolerance: 1e-12);
        lowAll.ShouldBeLessThan(1.0);
        lowNone.ShouldBe(0.0, tolerance: 1e-12);
        highNone.ShouldBeGreaterThan(0.0);
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Project_GivesAWiderRange_WhenFewerItems(string scaleName)
    {
        var scale = ScaleNamed(scaleName);

        var quarter = ScoreProjection.Project(correct: 26, items: 33, scale);
        var full = ScoreProjection.Project(correct: 104, items: 130, scale);

        (quarter.High - quarter.Low).ShouldBeGreaterThan(full.High - full.Low);
        quarter.Low.ShouldBeLessThanOrEqualTo(quarter.Projected);
        quarter.High.ShouldBeGreaterThanOrEqualTo(quarter.Projected);
    }

    [Fact]
    public void Project_GivesAboutEvenPassOdds_WhenScoreSitsAtTheCut()
    {
        var projection = ScoreProjection.Project(correct: 91, items: 130, ScoreScale.Ascm());

        projection.Projected.ShouldBe(300, tolerance: 1e-9);
        projection.ProjectedPass.ShouldBeTrue();
        projection.PassLikelihood.ShouldBe(0.5, tolerance: 0.06);
        projection.IsEstimate.ShouldBeTrue();
    }

    [Theory]
    [InlineData(26, 33, 315, 298, 327, 0.84)]
    [InlineData(104, 130, 317, 309, 324, 0.99)]
    [InlineData(91, 130, 300, 292, 308, 0.48)]
    public void Project_MatchesTheWorkedExamples_WhenAscmScale(
        int correct, int items, double projected, double low, double high, double passLikelihood)
    {
        // The worked examples in docs/scoring.md, rounded as shown there.
        var projection = ScoreProjection.Project(correct, items, ScoreScale.Ascm());

        Math.Round(projection.Projected).ShouldBe(projected);
        Math.Round(projection.Low).ShouldBe(low);
        Math.Round(projection.High).ShouldBe(high);
        Math.Round(projection.PassLikelihood, 2).ShouldBe(passLikelihood);
    }

    [Fact]
    public void Project_ComputesPassLikelihoodFromTheBetaPosterior_WhenSmallForm()
    {
        // Posterior Beta(4, 2) after 3 of 4; P(p >= 0.5) = 1 - I_0.5(4, 2) = 1 - 3/16.
        var scale = new ScoreScale("test", 0, 50, 100, 0.5);

        var projection = ScoreProjection.Project(correct: 3, items: 4, scale);

        projection.PassLikelihood.ShouldBe(13.0 / 16, tolerance: 1e-10);
    }

    [Fact]
    public void Project_RaisesPassLikelihood_WhenMoreItemsAreCorrect()
    {
        var previous = 0.0;

        for (var correct = 0; correct <= 100; correct++)
        {
            var likelihood = ScoreProjection.Project(correct, 100, ScoreScale.Iassc()).PassLikelihood;
            likelihood.ShouldBeGreaterThanOrEqualTo(previous);
            previous = likelihood;
        }

        previous.ShouldBeGreaterThan(0.999);
    }

    [Fact]
    public void Project_UsesTheRawScore_WhenGivenAnExamScore()
    {
        FormItem[] items = [.. Enumerable.Range(0, 10).Select(i => new FormItem($"q{i}", "a", Difficulty.Medium, IsPretest: false))];
        var score = ExamScore.Score(items, ["a"], items.Take(7).Select(i => new ItemResponse(i.ItemId, ItemOutcome.Correct)));

        var projection = ScoreProjection.Project(score, ScoreScale.Iassc());

        projection.Correct.ShouldBe(7);
        projection.Items.ShouldBe(10);
        projection.Projected.ShouldBe(70, tolerance: 1e-9);
    }

    [Fact]
    public void Project_Throws_WhenThereAreNoScoredItems()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ScoreProjection.Project(0, 0, ScoreScale.Ascm()));
    }

    private static ScoreScale ScaleNamed(string name) => name switch
    {
        "ascm" => ScoreScale.Ascm(),
        "asq" => ScoreScale.Asq(),
        _ => ScoreScale.Iassc(),
    };
}

public sealed class ScoreScaleParsingTests
{
    [Fact]
    public void TryParse_ReadsARangeWithTheDefaultCut_WhenTheScaleIsScaled()
    {
        ScoreScale.TryParse("ASCM", "200-350", "300", out var scale).ShouldBeTrue();
        scale.ShouldBe(new ScoreScale("ASCM", 200, 300, 350, ScoreScale.DefaultCutProportion));
    }

    [Fact]
    public void TryParse_UsesThePassMarkAsTheCut_WhenTheScaleIsPercent()
    {
        ScoreScale.TryParse("IASSC", "percent", "70%", out var scale).ShouldBeTrue();
        scale.ShouldBe(new ScoreScale("IASSC", 0, 70, 100, 0.70));
        scale!.Map(0.55).ShouldBe(55, 1e-9);
    }

    [Theory]
    [InlineData("200-350", "about 300")]
    [InlineData("two hundred", "300")]
    [InlineData("200-350", "400")]
    [InlineData("percent", "100%")]
    [InlineData("350-200", "300")]
    public void TryParse_Fails_WhenTheTextCannotMakeAScale(string scaleText, string pass)
    {
        ScoreScale.TryParse("x", scaleText, pass, out var scale).ShouldBeFalse();
        scale.ShouldBeNull();
    }
}

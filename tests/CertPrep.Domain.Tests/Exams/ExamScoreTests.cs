using CertPrep.Domain.Exams;

namespace CertPrep.Domain.Tests.Exams;

public sealed class ExamScoreTests
{
    [Fact]
    public void Score_IgnoresPretestItems_WhenCountingRawScore()
    {
        var items = new FormBuilder().Scored("a", 4).Pretest("a", 2).Build();
        var responses = items.Select(i => new ItemResponse(i.ItemId, i.IsPretest ? ItemOutcome.Correct : ItemOutcome.Incorrect));

        var score = ExamScore.Score(items, ["a"], responses);

        score.ScoredItems.ShouldBe(4);
        score.Correct.ShouldBe(0);
        score.Incorrect.ShouldBe(4);
        score.PercentCorrect.ShouldBe(0);
    }

    [Fact]
    public void Score_CountsMissingResponsesAsUnanswered_WhenItemsWereSkipped()
    {
        var items = new FormBuilder().Scored("a", 4).Build();
        ItemResponse[] responses = [new("a-0", ItemOutcome.Correct), new("a-1", ItemOutcome.Unanswered)];

        var score = ExamScore.Score(items, ["a"], responses);

        score.Correct.ShouldBe(1);
        score.Unanswered.ShouldBe(3);
        score.ProportionCorrect.ShouldBe(0.25);
        score.PercentCorrect.ShouldBe(25);
    }

    [Fact]
    public void Score_ReportsPerDomainCountsInBlueprintOrder_WhenSeveralDomains()
    {
        var items = new FormBuilder().Scored("b", 5).Scored("a", 5).Build();
        var responses = Answer(items, correctPerDomain: new() { ["a"] = 2, ["b"] = 5 });

        var score = ExamScore.Score(items, ["a", "b"], responses);

        score.Domains.ShouldBe([new DomainScore("a", 5, 2, 3, 0), new DomainScore("b", 5, 5, 0, 0)]);
        score.Correct.ShouldBe(7);
        score.PercentCorrect.ShouldBe(70, tolerance: 1e-12);
    }

    [Fact]
    public void Score_NamesStrongestAndWeakest_WhenDomainsMeetTheMinimum()
    {
        var items = new FormBuilder().Scored("a", 5).Scored("b", 5).Scored("c", 5).Build();
        var responses = Answer(items, correctPerDomain: new() { ["a"] = 3, ["b"] = 5, ["c"] = 1 });

        var score = ExamScore.Score(items, ["a", "b", "c"], responses);

        score.Strongest!.DomainId.ShouldBe("b");
        score.Weakest!.DomainId.ShouldBe("c");
    }

    [Fact]
    public void Score_LeavesOutSmallDomains_WhenRankingStrongestAndWeakest()
    {
        var items = new FormBuilder().Scored("a", 5).Scored("b", 5).Scored("tiny", 2).Build();
        var responses = Answer(items, correctPerDomain: new() { ["a"] = 3, ["b"] = 4, ["tiny"] = 0 });

        var score = ExamScore.Score(items, ["a", "b", "tiny"], responses, minimumItemsForRanking: 5);

        score.Strongest!.DomainId.ShouldBe("b");
        score.Weakest!.DomainId.ShouldBe("a");
    }

    [Fact]
    public void Score_NamesNoStrongestOrWeakest_WhenFewerThanTwoDomainsQualify()
    {
        var items = new FormBuilder().Scored("a", 6).Scored("b", 2).Build();
        var responses = Answer(items, correctPerDomain: new() { ["a"] = 6, ["b"] = 0 });

        var score = ExamScore.Score(items, ["a", "b"], responses);

        score.Strongest.ShouldBeNull();
        score.Weakest.ShouldBeNull();
    }

    [Fact]
    public void Score_NamesNoStrongestOrWeakest_WhenAllDomainsTie()
    {
        var items = new FormBuilder().Scored("a", 5).Scored("b", 10).Build();
        var responses = Answer(items, correctPerDomain: new() { ["a"] = 3, ["b"] = 6 });

        var score = ExamScore.Score(items, ["a", "b"], responses);

        score.Strongest.ShouldBeNull();
        score.Weakest.ShouldBeNull();
    }

    [Fact]
    public void Score_SumsAndAveragesRecordedTimes_WhenSomeItemsAreTimed()
    {
        var items = new FormBuilder().Scored("a", 3).Pretest("a", 1).Build();
        ItemResponse[] responses =
        [
            new("a-0", ItemOutcome.Correct, TimeSpan.FromSeconds(60)),
            new("a-1", ItemOutcome.Correct, TimeSpan.FromSeconds(90)),
            new("a-3", ItemOutcome.Incorrect, TimeSpan.FromSeconds(30)),
            new("a-2", ItemOutcome.Incorrect),
        ];

        var score = ExamScore.Score(items, ["a"], responses);

        score.TotalTime.ShouldBe(TimeSpan.FromSeconds(180));
        score.MeanTimePerItem.ShouldBe(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Score_ReportsNoTime_WhenNoItemIsTimed()
    {
        var items = new FormBuilder().Scored("a", 2).Build();

        var score = ExamScore.Score(items, ["a"], [new ItemResponse("a-0", ItemOutcome.Correct)]);

        score.TotalTime.ShouldBeNull();
        score.MeanTimePerItem.ShouldBeNull();
    }

    [Fact]
    public void Score_Throws_WhenAResponseIsForAnItemNotOnTheForm()
    {
        var items = new FormBuilder().Scored("a", 2).Build();

        Should.Throw<ArgumentException>(() => ExamScore.Score(items, ["a"], [new ItemResponse("zzz", ItemOutcome.Correct)]));
    }

    [Fact]
    public void Score_Throws_WhenAnItemHasTwoResponses()
    {
        var items = new FormBuilder().Scored("a", 2).Build();
        ItemResponse[] responses = [new("a-0", ItemOutcome.Correct), new("a-0", ItemOutcome.Incorrect)];

        Should.Throw<ArgumentException>(() => ExamScore.Score(items, ["a"], responses));
    }

    [Fact]
    public void Score_UsesTheFormsDomainsAndPretestFlags_WhenGivenAnAssembledForm()
    {
        var blueprint = ExamBlueprint.FromItemCounts(2, 30, [new("a", 5), new("b", 5)]);
        CandidateItem[] pool = [.. Enumerable.Range(0, 12).Select(i => new CandidateItem($"q{i:D2}", [i % 2 == 0 ? "a" : "b"], Difficulty.Medium))];
        var form = FormAssembler.Assemble(blueprint, FormLength.Full, pool, seed: 17);

        var score = ExamScore.Score(form, form.Items.Select(i => new ItemResponse(i.ItemId, ItemOutcome.Correct)));

        score.ScoredItems.ShouldBe(10);
        score.Correct.ShouldBe(10);
        score.Domains.Select(d => d.DomainId).ShouldBe(["a", "b"]);
    }

    private static List<ItemResponse> Answer(IReadOnlyList<FormItem> items, Dictionary<string, int> correctPerDomain) =>
        items.GroupBy(i => i.DomainId)
            .SelectMany(g => g.Select((item, k) => new ItemResponse(
                item.ItemId, k < correctPerDomain[g.Key] ? ItemOutcome.Correct : ItemOutcome.Incorrect)))
            .ToList();

    private sealed class FormBuilder
    {
        private readonly List<FormItem> _items = [];

        public FormBuilder Scored(string domain, int count) => Add(domain, count, isPretest: false);

        public FormBuilder Pretest(string domain, int count) => Add(domain, count, isPretest: true);

        public IReadOnlyList<FormItem> Build() => _items;

        private FormBuilder Add(string domain, int count, bool isPretest)
        {
            var start = _items.Count(i => i.DomainId == domain);
            for (var k = 0; k < count; k++)
            {
                _items.Add(new FormItem($"{domain}-{start + k}", domain, Difficulty.Medium, isPretest));
            }

            return this;
        }
    }
}

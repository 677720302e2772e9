using CertPrep.Content.Interop;
using CertPrep.Content.Model;

namespace CertPrep.Authoring.Tests.Interop;

public sealed class AikenFormatTests
{
    [Fact]
    public void Read_ReadsStemOptionsAndAnswer_InBothOptionStyles()
    {
        var result = AikenFormat.Read("What is EOQ?\nA. An order size\nB) A reorder point\nC. A lead time\nANSWER: A\n\nWhich are costs?\nA. Ordering\nB. Holding\nC. Lead time\nanswer: a, b\n");

        result.Issues.ShouldBeEmpty();
        result.Questions.Count.ShouldBe(2);
        var single = result.Questions[0];
        (single.Line, single.Type, single.Stem).ShouldBe((1, QuestionType.Single, "What is EOQ?"));
        single.Options.ShouldBe([new ImportedOption("An order size", true, null), new ImportedOption("A reorder point", false, null), new ImportedOption("A lead time", false, null)]);
        var multiple = result.Questions[1];
        (multiple.Line, multiple.Type).ShouldBe((7, QuestionType.Multiple));
        multiple.Options.Select(o => o.IsKey).ShouldBe([true, true, false]);
    }

    [Theory]
    [InlineData("Q?\nA. x\nB. y\nC. z\n", 1, "question without an 'ANSWER: <letter>' line after its options")]
    [InlineData("Q?\nA. x\nB. y\nC. z\nANSWER: D\n", 5, "question whose 'ANSWER: D' does not name its options (A, B, C)")]
    [InlineData("Q?\nA. x\nB. y\nC. z\nANSWER:\n", 5, "question whose 'ANSWER: ' does not name its options (A, B, C)")]
    [InlineData("Q?\nA. x\nB. y\nANSWER: A\n", 1, "question with 2 options (the markdown format needs 3 to 6)")]
    [InlineData("Q?\nA. x\nB. y\nA. z\nANSWER: A\n", 4, "question with the option letter A twice")]
    [InlineData("Q?\nA. x\nB. X\nC. z\nANSWER: A\n", 3, "question with the option 'x' twice")]
    [InlineData("ANSWER: A\n", 1, "'ANSWER:' line without a question and options before it")]
    [InlineData("Just a line.\n", 1, "text without options or an 'ANSWER:' line")]
    public void Read_SkipsBrokenQuestions_WithTheirLine(string aiken, int line, string issue)
    {
        var result = AikenFormat.Read(aiken);

        result.Questions.ShouldBeEmpty();
        result.Issues.ShouldBe([new ImportIssue(line, issue)]);
    }

    [Fact]
    public void Read_GoesOnAfterAQuestionWithoutAnswer()
    {
        var result = AikenFormat.Read("First?\nA. a\nB. b\nC. c\nSecond?\nA. d\nB. e\nC. f\nANSWER: C\n");

        result.Issues.ShouldBe([new ImportIssue(1, "question without an 'ANSWER: <letter>' line after its options")]);
        var second = result.Questions.ShouldHaveSingleItem();
        (second.Line, second.Stem).ShouldBe((5, "Second?"));
        second.Options[2].IsKey.ShouldBeTrue();
    }
}

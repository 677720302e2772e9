using CertPrep.Content.Diagnostics;
using CertPrep.Content.Interop;
using CertPrep.Content.Model;
using CertPrep.Content.Parsing;

namespace CertPrep.Authoring.Tests.Interop;

public sealed class GiftFormatTests
{
    private static Question ParseOne(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var file = QuestionFileParser.Parse(markdown, "demo/questions/q.md", diagnostics);
        diagnostics.HasErrors.ShouldBeFalse(string.Join("\n", diagnostics.Items));
        return file.Questions.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a = b ~ c # d { e } f : g", @"a \= b \~ c \# d \{ e \} f \: g")]
    [InlineData("line one\nline two", @"line one\nline two")]
    [InlineData(@"$\sqrt{x}$ and \times", @"$\sqrt\{x\}$ and \times")]
    [InlineData(@"$a \neq b$", @"$a \\neq b$")]
    [InlineData(@"C:\ and \: and \\", @"C\:\ and \\\: and \\\\")]
    [InlineData("ends with \\", @"ends with \\")]
    [InlineData("before\\\nafter", @"before\\\nafter")]
    public void Escape_EscapesSpecialCharacters_AndUnescapeRestoresThem(string text, string escaped)
    {
        GiftFormat.Escape(text).ShouldBe(escaped);
        GiftFormat.Unescape(escaped).ShouldBe(text);
    }

    [Fact]
    public void Read_ReadsMultipleChoice_WithTitleFeedbackAndGeneralFeedback()
    {
        var result = GiftFormat.Read("""
            // a comment
            $CATEGORY: $course$/top/Planning/Inventory
            ::Q1:: [html]What protects service? {
              =Safety stock#Right.
              ~Cycle stock#Wrong.
              ~Anticipation stock
              ####Safety stock absorbs variation.
            }
            """);

        result.Issues.ShouldBeEmpty();
        var question = result.Questions.ShouldHaveSingleItem();
        (question.Line, question.Title, question.Category, question.Type).ShouldBe((3, "Q1", "Inventory", QuestionType.Single));
        question.Stem.ShouldBe("What protects service?");
        question.Options.ShouldBe([new ImportedOption("Safety stock", true, "Right."), new ImportedOption("Cycle stock", false, "Wrong."), new ImportedOption("Anticipation stock", false, null)]);
        question.Explanation.ShouldBe("Safety stock absorbs variation.");
    }

    [Fact]
    public void Read_MakesPositiveWeightsKeys_WhenAnswersAreWeighted()
    {
        var question = GiftFormat.Read("Pick the costs. {~%33.33333%Ordering ~%33.33333%Holding ~%33.33333%Setup ~%-100%Stockout}").Questions.ShouldHaveSingleItem();

        question.Type.ShouldBe(QuestionType.Multiple);
        question.Options.Select(o => o.IsKey).ShouldBe([true, true, true, false]);
    }

    [Fact]
    public void Read_TreatsAFullWeightAsTheSingleKey()
    {
        var question = GiftFormat.Read("Pick one. {~%100%Right ~%-50%Wrong ~%0%Other}").Questions.ShouldHaveSingleItem();

        question.Type.ShouldBe(QuestionType.Single);
        question.Options.Select(o => o.IsKey).ShouldBe([true, false, false]);
    }

    [Theory]
    [InlineData("{#42}", 42, 0)]
    [InlineData("{#42:0.5}", 42, 0.5)]
    [InlineData("{#-1.5:0.25}", -1.5, 0.25)]
    [InlineData("{#40..44}", 42, 2)]
    [InlineData("{# =42:0 =%50%42:2 }", 42, 0)]
    public void Read_ReadsNumericAnswers(string block, double answer, double tolerance)
    {
        var result = GiftFormat.Read($"::N:: How many? {block}");

        var question = result.Questions.ShouldHaveSingleItem();
        (question.Type, question.Answer, question.Tolerance).ShouldBe((QuestionType.Numeric, (double?)answer, tolerance));
        question.Options.ShouldBeEmpty();
        result.Issues.Count.ShouldBe(block.Contains("%50%", StringComparison.Ordinal) ? 1 : 0);
    }

    [Fact]
    public void Read_ReportsPartialCreditNumericAnswers_AtTheirLine()
    {
        var result = GiftFormat.Read("::N:: How many? {#\n=42:0#Exact.\n=%50%42:2#Close.\n}");

        result.Questions.ShouldHaveSingleItem().Explanation.ShouldBe("Exact.");
        result.Issues.ShouldBe([new ImportIssue(3, "partial-credit answer '42:2' of numeric question 'N' (the markdown format has one answer and tolerance)")]);
    }

    [Theory]
    [InlineData("Q {}", "essay question")]
    [InlineData("Q {T}", "true/false question")]
    [InlineData("Q {TRUE#no#yes}", "true/false question")]
    [InlineData("Q {F}", "true/false question")]
    [InlineData("Q {=a -> 1 =b -> 2 =c -> 3}", "matching question")]
    [InlineData("Q {=four =4}", "short-answer question")]
    [InlineData("Q {=a ~b}", "multiple-choice question with 2 options")]
    [InlineData("Q {=a ~b ~c ~d ~e ~f ~g}", "multiple-choice question with 7 options")]
    [InlineData("Q {~a ~b ~c}", "question without a right answer")]
    [InlineData("Q {=a =b ~c}", "question with 2 answers that each give full credit")]
    [InlineData("Q {=a ~A ~c}", "question with the option 'a' twice")]
    [InlineData("Q {=a ~ ~c}", "question with an empty option")]
    [InlineData("Q {#abc}", "numeric question whose answer 'abc'")]
    [InlineData("Q {=a ~b ~c", "question whose answer block '{' is never closed")]
    [InlineData("Q {=a ~b ~c} and {=d ~e ~f}", "question with more than one answer block")]
    [InlineData("{=a ~b ~c}", "question without question text")]
    [InlineData("::Unclosed title Q {=a ~b ~c}", "question whose '::title::' is not closed")]
    [InlineData("Just text.", "text without an answer block")]
    public void Read_SkipsWhatTheFormatCannotHold_WithAnIssue(string gift, string issue)
    {
        var result = GiftFormat.Read("// header\n\n" + gift);

        result.Questions.ShouldBeEmpty();
        var reported = result.Issues.ShouldHaveSingleItem();
        reported.Line.ShouldBe(3);
        reported.What.ShouldStartWith(issue);
        reported.Format("q.gift").ShouldStartWith("q.gift:3: warning: " + issue);
        reported.Format("q.gift").ShouldEndWith(" — skipped");
    }

    [Fact]
    public void Write_WeighsMultipleAnswers_AndMakesRelativeTolerancesAbsolute()
    {
        var multiple = ParseOne("""
            ## Question q-multi

            ```yaml
            type: multiple
            domains: [demo/planning]
            topic: T
            bloom: remember
            difficulty: easy
            ```

            Pick three.

            - [x] A
              > Yes.
            - [x] B
              > Yes.
            - [x] C
              > Yes.
            - [ ] D
              > No.
            - [ ] E
              > No.

            ### Explanation

            A, B and C.
            """);
        var numeric = ParseOne("""
            ## Question q-num

            ```yaml
            type: numeric
            domains: [demo/planning]
            topic: T
            bloom: apply
            difficulty: easy
            answer: 250
            tolerance: 2%
            ```

            How many?

            ### Explanation

            250.
            """);

        var export = GiftFormat.Write([multiple, numeric], []);

        export.Exported.ShouldBe(2);
        export.Issues.ShouldBeEmpty();
        export.Text.ShouldContain("~%33.33333%A#Yes.\n~%33.33333%B#Yes.\n~%33.33333%C#Yes.\n~%-50%D#No.\n~%-50%E#No.\n####A, B and C.\n}\n");
        export.Text.ShouldContain("::q-num::[markdown]How many? {#250:5\n####250.\n}\n");
        var reread = GiftFormat.Read(export.Text);
        reread.Issues.ShouldBeEmpty();
        reread.Questions.Select(q => q.Title).ShouldBe(["q-multi", "q-num"]);
        reread.Questions[0].Options.Select(o => o.IsKey).ShouldBe([true, true, true, false, false]);
        (reread.Questions[1].Answer, reread.Questions[1].Tolerance).ShouldBe((250, 5));
    }

    [Fact]
    public void Write_EscapesEverySpecialCharacter_SoReadGivesTheSameText()
    {
        var question = ParseOne("""
            ## Question q-escape

            ```yaml
            domains: [demo/planning]
            topic: T
            bloom: remember
            difficulty: easy
            ```

            Which is right: a = b, ~c, #d or {e}?

            | Term | Value |
            | --- | --- |
            | $\sigma$ | 1 |

            - [x] a = b
              > Right: = is {equality}.
              > A second line: with ~ and #.
            - [ ] ~c
              > Wrong: \neq.
            - [ ] #d {pinned}
              > Wrong: C:\ is a path.

            ### Explanation

            See: {e} \\ and $x \neq y$.
            """);

        var export = GiftFormat.Write([question], []);
        var reread = GiftFormat.Read(export.Text).Questions.ShouldHaveSingleItem();

        export.Text.Split('\n').Count(l => l.StartsWith("::", StringComparison.Ordinal)).ShouldBe(1);
        reread.Stem.ShouldBe(question.Stem);
        reread.Options.Select(o => (o.Text, o.IsKey, o.Feedback)).ShouldBe(question.Options.Select(o => (o.Text, o.IsKey, (string?)o.Rationale)));
        reread.Explanation.ShouldBe(question.Explanation);
        export.Issues.ShouldHaveSingleItem().ToString().ShouldBe("demo/questions/q.md:21: note: option '#d' of q-escape is pinned, which GIFT cannot express (Moodle may shuffle it)");
    }
}

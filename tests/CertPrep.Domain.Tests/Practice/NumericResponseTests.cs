using System.Globalization;
using CertPrep.Domain.Practice;

namespace CertPrep.Domain.Tests.Practice;

public sealed class NumericResponseTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData("  42  ", 42)]
    [InlineData("\t42\n", 42)]
    [InlineData("0", 0)]
    [InlineData("007", 7)]
    [InlineData("1234.5", 1234.5)]
    [InlineData("0.25", 0.25)]
    [InlineData(".5", 0.5)]
    [InlineData("-.5", -0.5)]
    [InlineData("5.", 5)]
    [InlineData("-12", -12)]
    [InlineData("+12", 12)]
    [InlineData("\u221212", -12)]
    [InlineData("- 12", -12)]
    [InlineData("-0", 0)]
    public void TryParse_ReadsPlainNumbers_WhenWellFormed(string text, double expected) => Accepts(text, expected);

    [Theory]
    [InlineData("1,234", 1234)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("12,345,678.9", 12345678.9)]
    [InlineData("123,456", 123456)]
    [InlineData("1 234 567", 1234567)]
    [InlineData("12 150", 12150)]
    [InlineData("1\u2009234.5", 1234.5)]
    [InlineData("1\u202F234\u202F567", 1234567)]
    [InlineData("1\u00A0234", 1234)]
    [InlineData("1'234'567", 1234567)]
    [InlineData("1\u2019234", 1234)]
    [InlineData("-1,234.75", -1234.75)]
    [InlineData("1 234.5 kg", 1234.5)]
    public void TryParse_DropsThousandsSeparators_WhenGroupsOfThree(string text, double expected) => Accepts(text, expected);

    [Theory]
    [InlineData("$1,200", 1200)]
    [InlineData("$ 1,200", 1200)]
    [InlineData("€3.50", 3.5)]
    [InlineData("£7", 7)]
    [InlineData("¥1000", 1000)]
    [InlineData("₹250", 250)]
    [InlineData("-$5", -5)]
    [InlineData("$-5", -5)]
    [InlineData("\u2212€5", -5)]
    [InlineData("5$", 5)]
    [InlineData("5 €", 5)]
    [InlineData("12 €/h", 12)]
    public void TryParse_IgnoresCurrencySymbols_WhenBeforeOrAfterTheNumber(string text, double expected) => Accepts(text, expected);

    [Theory]
    [InlineData("224 units", 224)]
    [InlineData("12.5%", 12.5)]
    [InlineData("12.5 %", 12.5)]
    [InlineData("30 min", 30)]
    [InlineData("4.2 days", 4.2)]
    [InlineData("$1,200/year", 1200)]
    [InlineData("5km", 5)]
    [InlineData("3 m²", 3)]
    [InlineData("5 eggs", 5)]
    [InlineData("5e", 5)]
    [InlineData("1,234 pcs.", 1234)]
    [InlineData("12, roughly", 12)]
    public void TryParse_IgnoresUnitText_WhenAfterTheNumber(string text, double expected) => Accepts(text, expected);

    [Theory]
    [InlineData("1.2e3", 1200)]
    [InlineData("1.2E3", 1200)]
    [InlineData("1e-3", 0.001)]
    [InlineData("2.5e+2", 250)]
    [InlineData("-4e2", -400)]
    [InlineData(".5e1", 5)]
    [InlineData("6.02e14 atoms", 6.02e14)]
    [InlineData("1e-400", 0)]
    public void TryParse_ReadsExponents_WhenScientificNotation(string text, double expected) => Accepts(text, expected);

    [Theory]
    [InlineData("1e15", 1e15)]
    [InlineData("-1,000,000,000,000,000", -1e15)]
    [InlineData("999999999999999", 999999999999999)]
    public void TryParse_Accepts_WhenMagnitudeIsAtTheLimit(string text, double expected) => Accepts(text, expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u202F")]
    public void TryParse_AsksForANumber_WhenEmpty(string? text) => Rejects(text, "Type a number");

    [Theory]
    [InlineData("abc")]
    [InlineData("$")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("one hundred")]
    [InlineData("１２")]
    public void TryParse_AsksForDigits_WhenThereAreNone(string text) => Rejects(text, "digits 0 to 9");

    [Theory]
    [InlineData("about 12")]
    [InlineData("approx. 12")]
    [InlineData("~12")]
    [InlineData("x = 12")]
    [InlineData("US$12")]
    [InlineData("$$12")]
    [InlineData("(12)")]
    public void TryParse_Rejects_WhenWordsComeBeforeTheNumber(string text) => Rejects(text, "Start with the number");

    [Theory]
    [InlineData("--5")]
    [InlineData("+-5")]
    [InlineData("-$-5")]
    public void TryParse_Rejects_WhenSignIsRepeated(string text) => Rejects(text, "one sign");

    [Theory]
    [InlineData("1,5")]
    [InlineData("3,7 kg")]
    [InlineData("1234,5")]
    [InlineData("0,25")]
    [InlineData("0,250")]
    [InlineData("1.234,5")]
    [InlineData("1 234,5")]
    [InlineData("1'234,5")]
    public void TryParse_AsksForAPoint_WhenCommaIsTheDecimalSeparator(string text) => Rejects(text, "point for decimals");

    [Theory]
    [InlineData("12,34")]
    [InlineData("1,2345")]
    [InlineData("1234,567")]
    [InlineData("1,234,5")]
    [InlineData("1,234,56")]
    [InlineData("12,3456.7")]
    [InlineData("1'23")]
    [InlineData("1,234'567")]
    public void TryParse_AsksForGroupsOfThree_WhenSeparatorsAreMisplaced(string text) => Rejects(text, "groups of three");

    [Theory]
    [InlineData("1.234.567")]
    [InlineData("1.2.3")]
    public void TryParse_Rejects_WhenPointsGroupThousands(string text) => Rejects(text, "point only for decimals");

    [Theory]
    [InlineData("12 15")]
    [InlineData("1 2345")]
    [InlineData("1234 567")]
    [InlineData("1 234 56")]
    [InlineData("1,234 567")]
    [InlineData("3-4")]
    [InlineData("3 - 4")]
    [InlineData("3\u20134")]
    [InlineData("3 to 4")]
    [InlineData("12 or 15")]
    [InlineData("1.5 2")]
    [InlineData("5 m2")]
    [InlineData("1e3.5")]
    public void TryParse_AsksForOneNumber_WhenThereAreTwo(string text) => Rejects(text, "single number");

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("inf")]
    [InlineData("∞")]
    [InlineData("-∞")]
    public void TryParse_Rejects_WhenNotFinite(string text) => Rejects(text, "infinity and NaN");

    [Theory]
    [InlineData("1e16")]
    [InlineData("1000000000000001")]
    [InlineData("-2,000,000,000,000,000")]
    [InlineData("1e400")]
    [InlineData("1e999999999999999999999")]
    public void TryParse_Rejects_WhenMagnitudeExceedsTheLimit(string text) => Rejects(text, "between");

    [Fact]
    public void TryParse_IgnoresTheCurrentCulture_WhenItUsesCommaDecimals()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            NumericResponse.TryParse("1,234.5", out var value, out _).ShouldBeTrue();

            value.ShouldBe(1234.5);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void TryParse_ReadsManyDigits_WhenFractionIsLong()
    {
        var text = "0." + new string('3', 5_000);

        NumericResponse.TryParse(text, out var value, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        value.ShouldBe(1.0 / 3, tolerance: 1e-15);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("about 12")]
    [InlineData("--5")]
    [InlineData("1,5")]
    [InlineData("12,34")]
    [InlineData("1.234.567")]
    [InlineData("12 15")]
    [InlineData("NaN")]
    [InlineData("1e16")]
    public void TryParse_GivesOneFriendlySentence_WhenRejecting(string text)
    {
        NumericResponse.TryParse(text, out var value, out var error).ShouldBeFalse();

        value.ShouldBe(0);
        error.ShouldNotBeNull();
        char.IsUpper(error[0]).ShouldBeTrue();
        error.ShouldEndWith(".");
        error.ShouldNotContain(". ", customMessage: "one sentence");
        error.Any(char.IsAsciiDigit).ShouldBeTrue("the message shows an accepted example");
    }

    [Fact]
    public void Hint_ShowsTheAcceptedFormat_WhenDisplayed()
    {
        NumericResponse.Hint.ShouldContain("1,234.5");
        NumericResponse.TryParse("1,234.5", out _, out _).ShouldBeTrue();
        NumericResponse.TryParse("1234.5", out _, out _).ShouldBeTrue();
    }

    private static void Accepts(string text, double expected)
    {
        NumericResponse.TryParse(text, out var value, out var error).ShouldBeTrue(error);

        error.ShouldBeNull();
        value.ShouldBe(expected, tolerance: (Math.Abs(expected) * 1e-12) + double.Epsilon);
        double.IsNegative(value).ShouldBe(expected < 0, "negative zero is read as plain zero");
    }

    private static void Rejects(string? text, string messagePart)
    {
        NumericResponse.TryParse(text, out var value, out var error).ShouldBeFalse();

        value.ShouldBe(0);
        error.ShouldNotBeNull();
        error.ShouldContain(messagePart);
    }
}

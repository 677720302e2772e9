using CertPrep.Web.Accounts;

namespace CertPrep.Web.Tests.Accounts;

public sealed class CommonPasswordValidatorTests
{
    private static readonly CommonPasswordValidator Validator = new();

    [Theory]
    [InlineData("password123")]
    [InlineData("QWERTYUIOP")]
    [InlineData("1234567890")]
    public async Task Validate_Refuses_WhenPasswordIsCommon(string password)
    {
        var result = await Validator.ValidateAsync(null!, new ApplicationUser { Email = "sam@example.org" }, password);
        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Code.ShouldBe("CommonPassword");
    }

    [Fact]
    public async Task Validate_Refuses_WhenPasswordContainsEmailName()
    {
        var result = await Validator.ValidateAsync(null!, new ApplicationUser { Email = "jordan.lee@example.org" }, "my Jordan.Lee secret");
        result.Errors.Single().Code.ShouldBe("PasswordContainsEmail");
    }

    [Fact]
    public async Task Validate_Accepts_WhenPasswordIsALongPhrase()
    {
        var result = await Validator.ValidateAsync(null!, new ApplicationUser { Email = "sam@example.org" }, "violet ferry under the bridge");
        result.Succeeded.ShouldBeTrue();
    }
}

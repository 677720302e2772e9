using System.Net;
using CertPrep.Web.Accounts;
using CertPrep.Web.Data;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Accounts;

/// <summary>Register, sign in, sign out, change password and lockout through the real pages and forms.</summary>
public abstract class AccountPagesTests(AppFixture app)
{
    private static Dictionary<string, string> Registration(string email, string password = Infrastructure.Accounts.Password, string? confirm = null) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = "Riley",
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = confirm ?? password,
    };

    [Fact]
    public async Task Register_CreatesLearnerAndSignsIn_WhenInputIsValid()
    {
        using var client = app.NewClient();
        var email = Infrastructure.Accounts.NewEmail();

        using var response = await client.SubmitFormAsync("/Account/Register", Registration(email));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Dashboard");
        var dashboard = await client.GetDocumentAsync("/Dashboard");
        dashboard.QuerySelector("[data-testid=dashboard-name]")!.TextContent.ShouldBe("Riley");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email)).ShouldNotBeNull();
        (await users.GetRolesAsync(user)).ShouldBe([Roles.Learner]);
    }

    [Fact]
    public async Task Register_ExplainsAndKeepsOneAccount_WhenEmailIsTaken()
    {
        var email = Infrastructure.Accounts.NewEmail();
        await app.Factory.CreateUserAsync(email, Infrastructure.Accounts.Password);
        using var client = app.NewClient();

        using var response = await client.SubmitFormAsync("/Account/Register", Registration(email.ToUpperInvariant()));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HtmlForms.ParseAsync(response);
        page.QuerySelector(".error-summary")!.TextContent.ShouldContain("An account with this e-mail address already exists");
        page.QuerySelectorAll(".error-summary li").Length.ShouldBe(1);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertPrepDbContext>();
        (await db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant())).ShouldBe(1);
    }

    [Theory]
    [InlineData("short", "Use at least 10 characters")]
    [InlineData("password123", "too common")]
    [InlineData("aaaaaaaaaaaa", "different characters")]
    public async Task Register_RefusesWeakPassword_WithReason(string password, string reason)
    {
        using var client = app.NewClient();
        var email = Infrastructure.Accounts.NewEmail();

        using var response = await client.SubmitFormAsync("/Account/Register", Registration(email, password));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent.ShouldContain(reason);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)).ShouldBeNull();
    }

    [Fact]
    public async Task Register_RefusesMismatchedConfirmation()
    {
        using var client = app.NewClient();
        using var response = await client.SubmitFormAsync("/Account/Register",
            Registration(Infrastructure.Accounts.NewEmail(), confirm: "something else entirely"));
        (await HtmlForms.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent.ShouldContain("do not match");
    }

    [Fact]
    public async Task SignIn_RedirectsToReturnUrl_WhenCredentialsAreRight()
    {
        var email = Infrastructure.Accounts.NewEmail();
        await app.Factory.CreateUserAsync(email, Infrastructure.Accounts.Password);
        using var client = app.NewClient();

        using var response = await client.SubmitFormAsync("/Account/Login?ReturnUrl=%2FAccount%2FChangePassword", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Infrastructure.Accounts.Password,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Account/ChangePassword");
        (await client.GetAsync("/Account/ChangePassword")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("\\\\evil.example")]
    [InlineData("http:evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task SignIn_IgnoresForeignReturnUrl(string returnUrl)
    {
        var email = Infrastructure.Accounts.NewEmail();
        await app.Factory.CreateUserAsync(email, Infrastructure.Accounts.Password);
        using var client = app.NewClient();
        using var response = await client.SubmitFormAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Infrastructure.Accounts.Password,
        });
        response.Headers.Location!.ToString().ShouldBe("/Dashboard");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignIn_GivesOneMessage_WhenEmailUnknownOrPasswordWrong(bool accountExists)
    {
        var email = Infrastructure.Accounts.NewEmail();
        if (accountExists)
        {
            await app.Factory.CreateUserAsync(email, Infrastructure.Accounts.Password);
        }

        using var client = app.NewClient();
        using var response = await client.SignInAsync(email, "not the password at all");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HtmlForms.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent
            .ShouldContain("That e-mail address and password do not match an account.");
        (await client.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = await app.SignedInClientAsync();
        var dashboard = await client.GetDocumentAsync("/Dashboard");
        var signOut = dashboard.QuerySelector("form[action='/Account/Logout']") as AngleSharp.Html.Dom.IHtmlFormElement;

        using var response = await client.SubmitAsync(signOut!, "/Dashboard");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
        (await client.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_LocksAccountOut_AfterRepeatedFailures()
    {
        var email = Infrastructure.Accounts.NewEmail();
        await app.Factory.CreateUserAsync(email, Infrastructure.Accounts.Password);
        using var client = app.NewClient();

        for (var attempt = 1; attempt < AccountsSetup.MaxFailedSignIns; attempt++)
        {
            (await client.SignInAsync(email, "wrong password here")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var locking = await client.SignInAsync(email, "wrong password here");
        locking.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        locking.Headers.Location!.ToString().ShouldBe("/Account/Lockout");

        // Even the right password is refused while locked out.
        using var right = await client.SignInAsync(email);
        right.Headers.Location!.ToString().ShouldBe("/Account/Lockout");
        (await client.GetDocumentAsync("/Account/Lockout")).QuerySelector("[role=alert]")!.TextContent.ShouldContain("locked for 15 minutes");
    }

    [Fact]
    public async Task ChangePassword_ReplacesThePassword()
    {
        var email = Infrastructure.Accounts.NewEmail();
        await app.Factory.CreateUserAsync(email, Infrastructure.Accounts.Password);
        using var client = app.NewClient();
        await client.SignInAsync(email);
        const string newPassword = "a different long passphrase";

        using var wrong = await client.SubmitFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not my password",
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        (await HtmlForms.ParseAsync(wrong)).QuerySelector(".error-summary")!.TextContent.ShouldContain("current password is not correct");

        using var changed = await client.SubmitFormAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Infrastructure.Accounts.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var fresh = app.NewClient();
        (await fresh.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.OK); // old password: page again
        (await fresh.SignInAsync(email, newPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Post_IsRejected_WithoutAntiforgeryToken()
    {
        var email = Infrastructure.Accounts.NewEmail();
        await app.Factory.CreateUserAsync(email, Infrastructure.Accounts.Password);
        using var client = app.NewClient();

        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(
            [new("Input.Email", email), new("Input.Password", Infrastructure.Accounts.Password)]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The request could not be accepted");
        (await client.GetAsync("/Dashboard")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteAccountPagesTests(SqliteAppFixture app) : AccountPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresAccountPagesTests(PostgresAppFixture app) : AccountPagesTests(app);

using System.Net;
using AngleSharp.Html.Dom;
using CertPrep.Web.Accounts;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Accounts;

/// <summary>The admin users page grants and revokes roles through its forms.</summary>
public abstract class RoleAdministrationTests(AppFixture app)
{
    private static IHtmlFormElement RoleForm(AngleSharp.Html.Dom.IHtmlDocument page, string email, string role) =>
        page.QuerySelectorAll($"tr[data-user='{email}'] form")
            .Cast<IHtmlFormElement>()
            .Single(f => f.QuerySelector("input[name=role]")!.GetAttribute("value") == role);

    [Fact]
    public async Task Admin_GrantsAndRevokesAuthor()
    {
        using var admin = await app.SignedInClientAsync(Roles.Admin);
        var learnerEmail = Infrastructure.Accounts.NewEmail();
        await app.Factory.CreateUserAsync(learnerEmail, Infrastructure.Accounts.Password);
        var url = $"/Admin/Users?q={Uri.EscapeDataString(learnerEmail)}";

        var page = await admin.GetDocumentAsync(url);
        using (var grant = await admin.SubmitAsync(RoleForm(page, learnerEmail, Roles.Author), url))
        {
            grant.StatusCode.ShouldBe(HttpStatusCode.Redirect, await grant.Content.ReadAsStringAsync());
        }

        using (var learner = app.NewClient())
        {
            await learner.SignInAsync(learnerEmail);
            (await learner.GetAsync("/Author")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        page = await admin.GetDocumentAsync(url);
        page.QuerySelector(".notice")!.TextContent.ShouldContain($"Granted Author to {learnerEmail}");
        using (var revoke = await admin.SubmitAsync(RoleForm(page, learnerEmail, Roles.Author), url))
        {
            revoke.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await users.GetRolesAsync((await users.FindByEmailAsync(learnerEmail))!)).ShouldBe([Roles.Learner]);
    }

    [Fact]
    public async Task Revoke_RefusesToRemoveTheLastAdministrator()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleAdministration>();
        var email = Infrastructure.Accounts.NewEmail("admin");
        var admin = await app.Factory.CreateUserAsync(email, Infrastructure.Accounts.Password, Roles.Admin);
        foreach (var other in (await users.GetUsersInRoleAsync(Roles.Admin)).Where(u => u.Id != admin.Id))
        {
            await users.RemoveFromRoleAsync(other, Roles.Admin);
        }

        var change = await roles.RevokeAsync(admin.Id, Roles.Admin);

        change.Succeeded.ShouldBeFalse();
        change.Message.ShouldContain("last administrator");
        (await users.IsInRoleAsync(admin, Roles.Admin)).ShouldBeTrue();
    }

    [Fact]
    public async Task Grant_RefusesUnknownRole()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleAdministration>();
        var user = await app.Factory.CreateUserAsync(Infrastructure.Accounts.NewEmail(), Infrastructure.Accounts.Password);

        (await roles.GrantAsync(user.Id, "Superuser")).Succeeded.ShouldBeFalse();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteRoleAdministrationTests(SqliteAppFixture app) : RoleAdministrationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PostgresRoleAdministrationTests(PostgresAppFixture app) : RoleAdministrationTests(app);

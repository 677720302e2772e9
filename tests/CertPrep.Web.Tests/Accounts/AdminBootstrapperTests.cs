using CertPrep.Tests.Shared;
using CertPrep.Web.Accounts;
using CertPrep.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Accounts;

/// <summary>The first administrator comes from configuration (Admin:Email, Admin:Password), never from source.</summary>
public sealed class AdminBootstrapperTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Sqlite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Start_CreatesAdministrator_WhenEmailAndPasswordAreConfigured()
    {
        await using var app = new CertPrepFactory(_database, new Dictionary<string, string?>
        {
            ["Admin:Email"] = "owner@example.org",
            ["Admin:Password"] = "a long and private passphrase",
        });

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync("owner@example.org")).ShouldNotBeNull();
        (await users.GetRolesAsync(admin)).OrderBy(r => r).ShouldBe([Roles.Admin, Roles.Learner]);
        (await users.CheckPasswordAsync(admin, "a long and private passphrase")).ShouldBeTrue();
    }

    [Fact]
    public async Task Start_PromotesExistingAccount_WhenOnlyEmailIsConfigured()
    {
        await using (var first = new CertPrepFactory(_database))
        {
            await first.CreateUserAsync("teacher@example.org", "a quiet classroom passphrase");
        }

        await using var app = new CertPrepFactory(_database, new Dictionary<string, string?> { ["Admin:Email"] = "teacher@example.org" });

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync("teacher@example.org")).ShouldNotBeNull();
        (await users.IsInRoleAsync(user, Roles.Admin)).ShouldBeTrue();
        (await users.CheckPasswordAsync(user, "a quiet classroom passphrase")).ShouldBeTrue(); // untouched
    }

    [Fact]
    public async Task Start_CreatesTheThreeRoles()
    {
        await using var app = new CertPrepFactory(_database);

        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            (await roles.RoleExistsAsync(role)).ShouldBeTrue(role);
        }
    }
}

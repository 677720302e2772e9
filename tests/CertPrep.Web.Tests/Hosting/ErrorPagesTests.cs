using System.Net;
using CertPrep.Content.Files;
using CertPrep.Tests.Shared;
using CertPrep.Web.Accounts;
using CertPrep.Web.Data;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace CertPrep.Web.Tests.Hosting;

/// <summary>An unexpected failure shows a friendly page in Production and the developer page only in Development.</summary>
public sealed class ErrorPagesTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Sqlite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>A content folder that cannot be read: the author page fails while listing it.</summary>
    private sealed class BrokenFiles : IFileProvider
    {
        public IDirectoryContents GetDirectoryContents(string subpath) => throw new IOException("disk read error at sector 7");

        public IFileInfo GetFileInfo(string subpath) => throw new IOException("disk read error at sector 7");

        public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
    }

    private async Task<HttpResponseMessage> BrokenAuthorPageAsync(string environment)
    {
        var factory = new CertPrepFactory(_database, services: s => s.AddSingleton(new ContentInventory(new BrokenFiles())))
            .WithWebHostBuilder(b => b.UseEnvironment(environment));
        await using var _ = factory;
        var email = Infrastructure.Accounts.NewEmail("author");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email };
            (await users.CreateAsync(user, Infrastructure.Accounts.Password)).Succeeded.ShouldBeTrue();
            await users.AddToRoleAsync(user, Roles.Author);
        }

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync(email);
        var response = await client.GetAsync("/Author");
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [Fact]
    public async Task UnhandledError_ShowsFriendlyPageWithoutDetails_InProduction()
    {
        using var response = await BrokenAuthorPageAsync("Production");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Something went wrong");
        body.ShouldContain("reference");
        body.ShouldNotContain("disk read error");
        body.ShouldNotContain("IOException");
        body.ShouldNotContain("at CertPrep");
    }

    [Fact]
    public async Task UnhandledError_ShowsDeveloperPage_InDevelopment()
    {
        using var response = await BrokenAuthorPageAsync("Development");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).ShouldContain("disk read error at sector 7");
    }
}

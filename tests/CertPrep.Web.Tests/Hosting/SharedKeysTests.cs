using System.Net;
using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using CertPrep.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertPrep.Web.Tests.Hosting;

/// <summary>
/// Two nodes on one database, each with its own data directory: a sign-in cookie and an antiforgery token made by one
/// are accepted by the other, because the Data Protection key ring lives in the database.
/// </summary>
public sealed class SharedKeysTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SignInAndAntiforgery_FromOneNode_AreAcceptedByAnother(DatabaseProvider provider)
    {
        await using var database = TestDatabase.Create(provider);
        await using var first = new CertPrepFactory(database);
        await using var second = new CertPrepFactory(database);
        var email = Infrastructure.Accounts.NewEmail();
        await first.CreateUserAsync(email, Infrastructure.Accounts.Password);
        var onFirst = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var onSecond = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // Sign in on the first node (its antiforgery cookie and token, then the sign-in cookie).
        var login = await onFirst.GetAsync("/Account/Login");
        var cookies = Cookies(login);
        var form = await HtmlForms.ParseAsync(login);
        var signIn = await Send(onFirst, HttpMethod.Post, "/Account/Login", cookies, [new("Input.Email", email), new("Input.Password", Infrastructure.Accounts.Password), new("__RequestVerificationToken", LearningRequests.Token(form))]);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        cookies = cookies.Concat(Cookies(signIn)).GroupBy(c => c.Split('=')[0]).Select(g => g.Last()).ToList();

        // The second node reads the sign-in cookie ...
        var dashboard = await Send(onSecond, HttpMethod.Get, "/Dashboard", cookies);
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK, "the second node accepts the first node's sign-in cookie");

        // ... and accepts a form posted with a token the first node issued.
        var page = await Send(onFirst, HttpMethod.Get, "/Plan/Calendar", cookies);
        cookies = cookies.Concat(Cookies(page)).GroupBy(c => c.Split('=')[0]).Select(g => g.Last()).ToList();
        var token = LearningRequests.Token(await HtmlForms.ParseAsync(page));
        var posted = await Send(onSecond, HttpMethod.Post, "/Plan/Calendar?handler=Replace", cookies, [new("__RequestVerificationToken", token)]);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the second node accepts the first node's antiforgery token");
        var missing = await Send(onSecond, HttpMethod.Post, "/Plan/Calendar?handler=Revoke", cookies, []);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a post without a token is still refused");

        await using var scope = first.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<CertPrepDbContext>().DataProtectionKeys.CountAsync()).ShouldBe(1, "one key ring for the site");
    }

    private static List<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values.Select(v => v.Split(';')[0])] : [];

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, IEnumerable<string> cookies, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        if (fields is not null)
        {
            request.Content = new FormUrlEncodedContent(fields);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}

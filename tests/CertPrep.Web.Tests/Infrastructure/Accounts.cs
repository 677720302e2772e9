using System.Net;

namespace CertPrep.Web.Tests.Infrastructure;

public static class Accounts
{
    public const string Password = "correct horse battery staple";

    public static string NewEmail(string who = "learner") => $"{who}-{Guid.NewGuid():N}@example.org";

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Password) =>
        client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Creates the account with the roles and returns a client signed in as it.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this AppFixture app, params string[] roles)
    {
        var email = NewEmail(roles.Length == 0 ? "learner" : roles[0].ToLowerInvariant());
        await app.Factory.CreateUserAsync(email, Password, roles);
        var client = app.NewClient();
        var response = await client.SignInAsync(email);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }
}

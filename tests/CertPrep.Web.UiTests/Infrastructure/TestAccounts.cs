namespace CertPrep.Web.UiTests.Infrastructure;

public static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    /// <summary>A unique address per call: every test has its own account on the shared database.</summary>
    public static string NewEmail(string who = "learner") => $"{who}-{Guid.NewGuid():N}@example.org";
}

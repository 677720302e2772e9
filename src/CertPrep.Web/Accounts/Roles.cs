namespace CertPrep.Web.Accounts;

public static class Roles
{
    public const string Learner = "Learner";
    public const string Author = "Author";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Learner, Author, Admin];
}

namespace CertPrep.Web.UiTests.Infrastructure;

/// <summary>
/// Every browser test is in this one collection: they share one site and one browser, and run one at a time
/// (two cores: parallel browsers only make the timings flaky).
/// </summary>
[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

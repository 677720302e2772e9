using CertPrep.Web.Data;
using CertPrep.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace CertPrep.Web.Tests.Data;

public sealed class DatabaseSettingsTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("PostgreSQL", DatabaseProvider.PostgreSql)]
    [InlineData("postgres", DatabaseProvider.PostgreSql)]
    [InlineData(" Npgsql ", DatabaseProvider.PostgreSql)]
    public void ParseProvider_AcceptsKnownNames(string? name, DatabaseProvider expected) =>
        DatabaseSettings.ParseProvider(name).ShouldBe(expected);

    [Fact]
    public void ParseProvider_NamesTheSetting_WhenProviderIsUnknown()
    {
        var error = Should.Throw<StartupConfigurationException>(() => DatabaseSettings.ParseProvider("SqlServer"));
        error.Message.ShouldBe("Database:Provider is 'SqlServer', which CertPrep does not know. Set it to 'Sqlite' (the default) or 'PostgreSQL'.");
    }

    [Fact]
    public void FromConfiguration_PutsSqliteFileInDataDirectory_WhenNoConnectionString()
    {
        var root = Directory.CreateTempSubdirectory("certprep-settings-").FullName;
        try
        {
            var settings = DatabaseSettings.FromConfiguration(Config(), root);

            settings.Provider.ShouldBe(DatabaseProvider.Sqlite);
            settings.ConnectionString.ShouldContain($"Data Source={Path.Combine(root, "App_Data", "certprep.db")}");
            Directory.Exists(Path.Combine(root, "App_Data")).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void FromConfiguration_ResolvesRelativeSqlitePath_AgainstContentRoot()
    {
        var root = Directory.CreateTempSubdirectory("certprep-settings-").FullName;
        try
        {
            var settings = DatabaseSettings.FromConfiguration(Config(("ConnectionStrings:CertPrep", "Data Source=db/site.db")), root);

            settings.ConnectionString.ShouldContain($"Data Source={Path.Combine(root, "db", "site.db")}");
            settings.Describe().ShouldBe($"SQLite file {Path.Combine(root, "db", "site.db")}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void FromConfiguration_RequiresConnectionString_ForPostgreSql()
    {
        var error = Should.Throw<StartupConfigurationException>(() => DatabaseSettings.FromConfiguration(Config(("Database:Provider", "PostgreSQL")), "/tmp"));
        error.Message.ShouldStartWith("Database:Provider is PostgreSQL but ConnectionStrings:CertPrep is empty.");
    }

    [Fact]
    public void Describe_NeverShowsThePassword()
    {
        var settings = DatabaseSettings.FromConfiguration(
            Config(("Database:Provider", "PostgreSQL"), ("ConnectionStrings:CertPrep", "Host=db.internal;Port=5433;Database=certprep;Username=app;Password=hunter2hunter2")), "/tmp");

        settings.Describe().ShouldBe("PostgreSQL server db.internal:5433, database 'certprep'");
    }
}

namespace CertPrep.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

namespace CertPrep.Web.Hosting;

/// <summary>
/// The folder for what a node keeps on disk: the SQLite database (when no connection string is set); Data Protection
/// keys were kept here before they moved into the database (see <see cref="DatabaseXmlRepository"/>). Key <c>CertPrep:DataDirectory</c>, default
/// <c>App_Data</c> under the content root; created on first run.
/// </summary>
public static class DataDirectory
{
    public const string Key = "CertPrep:DataDirectory";

    public static string Resolve(IConfiguration configuration, string contentRootPath)
    {
        var configured = configuration[Key];
        var path = Path.GetFullPath(Path.Combine(contentRootPath, string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured));
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupConfigurationException($"Cannot create the data directory '{path}' ({ex.Message}). Set {Key} to a writable folder.", ex);
        }

        return path;
    }
}

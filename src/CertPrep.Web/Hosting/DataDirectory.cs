using Microsoft.AspNetCore.DataProtection;

namespace CertPrep.Web.Hosting;

/// <summary>
/// The folder for what a node keeps on disk: the SQLite database (when no connection string is set) and the
/// Data Protection keys that sign cookies and antiforgery tokens. Key <c>CertPrep:DataDirectory</c>, default
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

    /// <summary>Keeps Data Protection keys in the data directory so sign-ins survive a restart.</summary>
    public static void AddCertPrepDataProtection(this WebApplicationBuilder builder)
    {
        var keys = Path.Combine(Resolve(builder.Configuration, builder.Environment.ContentRootPath), "keys");
        builder.Services.AddDataProtection()
            .SetApplicationName("CertPrep")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
    }
}

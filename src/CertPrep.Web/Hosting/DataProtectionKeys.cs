using System.Xml.Linq;
using CertPrep.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace CertPrep.Web.Hosting;

/// <summary>A Data Protection key (its XML), stored in the application database so every node shares the key ring.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}

/// <summary>
/// The key ring in the database (the EF Core Data Protection package is not available here, and this is all it does):
/// sign-in cookies and antiforgery tokens made by one node are read by every other. Keys that an older version kept in
/// the data directory's <c>keys</c> folder are copied in once, so an upgrade signs nobody out.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, string legacyDirectory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CertPrepDbContext>();
        var keys = db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
        if (keys.Count == 0 && Directory.Exists(legacyDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(legacyDirectory, "*.xml").Order(StringComparer.Ordinal))
            {
                var xml = File.ReadAllText(file);
                db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = xml });
                keys.Add(xml);
            }

            db.SaveChanges();
        }

        return [.. keys.Select(x => XElement.Parse(x))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CertPrepDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}

public static class DataProtectionSetup
{
    /// <summary>Data Protection with the key ring in the application database, shared by every node of the site.</summary>
    public static void AddCertPrepDataProtection(this WebApplicationBuilder builder)
    {
        var legacy = Path.Combine(DataDirectory.Resolve(builder.Configuration, builder.Environment.ContentRootPath), "keys");
        builder.Services.AddDataProtection().SetApplicationName("CertPrep");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new DatabaseXmlRepository(services.GetRequiredService<IServiceScopeFactory>(), legacy)));
    }

    /// <summary>
    /// Data Protection warms its key ring in a hosted service at start-up. Here the ring lives in the database, which may
    /// not be migrated yet, or not reachable (start-up then fails with one clear line), so the ring loads on the first
    /// request that needs it instead. Call last: Identity, antiforgery and cookies each add the warm-up service again.
    /// </summary>
    public static void LoadKeyRingOnFirstUse(this IServiceCollection services)
    {
        var warmUp = services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService").ToList();
        warmUp.ForEach(d => services.Remove(d));
    }
}

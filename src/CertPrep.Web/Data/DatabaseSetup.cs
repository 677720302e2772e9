using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertPrep.Web.Data;

public static class DatabaseSetup
{
    public static DatabaseSettings AddCertPrepDatabase(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        // Pooled: a request rents a context instead of building one (the exam's answer saves are the hot path).
        builder.Services.AddDbContextPool<CertPrepDbContext>(options => Configure(options, settings));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return settings;
    }

    // One write gate per database file, shared by every context of the process that opens it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SqliteWriteGate> WriteGates = new(StringComparer.Ordinal);
    private static readonly SqliteConnectionSetup ConnectionSetup = new();

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        const string history = "__EFMigrationsHistory";
        _ = settings.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(settings.ConnectionString, o => o.MigrationsHistoryTable(history)),
            _ => options.UseNpgsql(settings.ConnectionString, o => o
                .MigrationsHistoryTable(history)
                // Rides out a dropped connection or a fail-over blip; a longer outage becomes a 503 within a few
                // seconds (DatabaseErrors) instead of holding the request for EF's default delays of up to 30 s.
                .EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null)),
        };

        // Migrations are written by hand (the EF design-time package cannot be restored here), so there is no
        // model snapshot for EF to compare against. MigrationsTests guards the same thing instead: the schema the
        // migrations build must equal the schema the current model describes, on both providers.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            options.AddInterceptors(ConnectionSetup, WriteGates.GetOrAdd(settings.ConnectionString, _ => new SqliteWriteGate()));
        }
    }
}

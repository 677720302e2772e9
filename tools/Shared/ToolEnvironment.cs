using CertPrep.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertPrep.Tools;

/// <summary>A clock stopped at one instant: the moment a generated history or a benchmarked job runs at.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Where the tools find the repository they run from, and what the databases they generate hold.</summary>
internal static class ToolEnvironment
{
    /// <summary>The folder holding <c>CertPrep.sln</c>, above the tool's build output.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CertPrep.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No CertPrep.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The number of rows in each of <paramref name="tables"/>.</summary>
    public static async Task<Dictionary<string, long>> CountsAsync(DbContextOptions<CertPrepDbContext> options, params string[] tables)
    {
        await using var db = new CertPrepDbContext(options);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }
}

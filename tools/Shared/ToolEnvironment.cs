namespace CertPrep.Tools;

/// <summary>A clock stopped at one instant: the moment a generated history or a benchmarked job runs at.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Where the tools find the repository they run from.</summary>
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
}

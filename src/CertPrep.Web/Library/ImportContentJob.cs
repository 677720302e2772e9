using CertPrep.Web.Jobs;

namespace CertPrep.Web.Library;

/// <summary>Imports the content folder (after a file change in Development, or on request).</summary>
public sealed class ImportContentJob(ContentImporter importer) : IBackgroundJob
{
    public const string Name = "import-content";

    public Task RunAsync(BackgroundJobContext context, CancellationToken cancellationToken) =>
        importer.ImportAsync(context.Arguments.GetValueOrDefault("trigger") ?? "job", cancellationToken);
}

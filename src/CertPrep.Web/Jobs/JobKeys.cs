using Quartz;

namespace CertPrep.Web.Jobs;

/// <summary>How CertPrep names its jobs and triggers inside Quartz.</summary>
internal static class JobKeys
{
    public const string RecurringGroup = "recurring";
    public const string OneOffGroup = "one-off";
    public const string CatalogNameKey = "certprep.job";
    public const string ArgumentPrefix = "arg.";

    public static JobKey Recurring(string name) => new(name, RecurringGroup);

    public static TriggerKey RecurringTrigger(string name) => new(name, RecurringGroup);
}

namespace CertPrep.Authoring.Cli;

/// <summary>The command line cannot be run as given; the message says why. Commands turn it into exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

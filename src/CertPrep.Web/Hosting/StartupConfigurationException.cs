namespace CertPrep.Web.Hosting;

/// <summary>
/// A setting an operator must fix before CertPrep can start. The message names the setting and is shown
/// as one readable line, without a stack trace.
/// </summary>
public sealed class StartupConfigurationException(string message, Exception? innerException = null)
    : Exception(message, innerException);

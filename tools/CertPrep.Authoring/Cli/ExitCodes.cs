namespace CertPrep.Authoring.Cli;

/// <summary>What every command returns.</summary>
public static class ExitCodes
{
    /// <summary>Done; warnings allowed.</summary>
    public const int Success = 0;

    /// <summary>The content has errors, or the command refused (an existing file or id).</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong: unknown command or option, missing or extra arguments, a folder that is not there.</summary>
    public const int Usage = 2;
}

using System.Globalization;

namespace CertPrep.LoadTest;

/// <summary>The command line: two verbs, <c>generate-content</c> and <c>run</c>.</summary>
internal static class Cli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    public const string Usage = """
        CertPrep load test: simulated learners taking a full mock exam over HTTP.

        Usage (from the repository root):
          dotnet run -c Release --project tools/CertPrep.LoadTest -- generate-content <dir> [--questions 400]
              Writes <dir>/load/: credential 'load' (4 domains, one 110-item form), one module per domain and
              single answer questions with 4 options each. Check it with the authoring tool's 'check <dir>'.
          dotnet run -c Release --project tools/CertPrep.LoadTest -- run --url http://127.0.0.1:5000 [options]
              Sets up the learners (register, enrol in 'load', start a full mock exam), warms up, then measures
              answer saves for --duration seconds, then GET /health/live with as many workers for as long.
              --learners 50     simulated learners, each with its own cookies and connection (closed loop)
              --warmup 5        seconds of load before each measured period, not recorded
              --duration 30     seconds measured, for answers and again for the reference
              --think-ms 0      pause between a learner's requests (0 measures capacity)
              --rate 0          answers per second offered by all learners together, on a fixed schedule
                                (open loop: latency counts from the scheduled time, so a slow server cannot
                                hide its queue by slowing the learners down); 0 = closed loop
              --credential load credential to enrol in and take the exam of
              --seed 1          seed of the learners' choices
              --ready-timeout 30  seconds enrolling may fail while the site is still importing content

        Exit codes: 0 done, 1 set-up failed or more than 1% errors, 2 bad usage.
        tools/loadtest.sh runs all of it against a fresh server.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            switch (args.FirstOrDefault())
            {
                case "generate-content":
                    return GenerateContent(args.AsSpan(1), stdout);
                case "run":
                    return await LoadRunner.RunAsync(RunSettingsFrom(args.AsSpan(1)), stdout, stderr);
                case null or "help" or "--help" or "-h":
                    stdout.WriteLine(Usage);
                    return args.Length == 0 ? BadUsage : Success;
                default:
                    throw new UsageException($"Unknown verb '{args[0]}'.");
            }
        }
        catch (UsageException ex)
        {
            stderr.WriteLine(ex.Message);
            stderr.WriteLine();
            stderr.WriteLine(Usage);
            return BadUsage;
        }
    }

    private static int GenerateContent(ReadOnlySpan<string> args, TextWriter stdout)
    {
        var options = Options.Parse(args, ["questions"], positional: 1);
        var dir = options.Positional[0];
        var questions = options.Int("questions", 400, 40, 100_000);
        var files = ContentWriter.Write(dir, questions);
        stdout.WriteLine($"Wrote {files} files with {questions} questions to {Path.Combine(Path.GetFullPath(dir), ContentWriter.CredentialId)}.");
        return Success;
    }

    private static RunSettings RunSettingsFrom(ReadOnlySpan<string> args)
    {
        var options = Options.Parse(args, ["url", "learners", "warmup", "duration", "think-ms", "rate", "credential", "seed", "ready-timeout"], positional: 0);
        var url = options.Text("url") ?? throw new UsageException("run needs --url, e.g. --url http://127.0.0.1:5000");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--url '{url}' is not an http(s) address.");
        }

        return new RunSettings(
            server,
            options.Int("learners", 50, 1, 10_000),
            TimeSpan.FromSeconds(options.Int("warmup", 5, 0, 3600)),
            TimeSpan.FromSeconds(options.Int("duration", 30, 1, 3600)),
            TimeSpan.FromMilliseconds(options.Int("think-ms", 0, 0, 600_000)),
            options.Int("rate", 0, 0, 1_000_000),
            options.Text("credential") ?? ContentWriter.CredentialId,
            options.Int("seed", 1, int.MinValue, int.MaxValue),
            TimeSpan.FromSeconds(options.Int("ready-timeout", 30, 0, 3600)));
    }

    /// <summary><c>--name value</c> options and a fixed number of positional arguments.</summary>
    private sealed class Options
    {
        private readonly Dictionary<string, string> _named = new(StringComparer.Ordinal);

        public List<string> Positional { get; } = [];

        public static Options Parse(ReadOnlySpan<string> args, string[] known, int positional)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    options.Positional.Add(args[i]);
                    continue;
                }

                var name = args[i][2..];
                if (!known.Contains(name))
                {
                    throw new UsageException($"Unknown option '{args[i]}'.");
                }

                if (i + 1 >= args.Length)
                {
                    throw new UsageException($"Option '{args[i]}' needs a value.");
                }

                options._named[name] = args[++i];
            }

            if (options.Positional.Count != positional)
            {
                throw new UsageException(positional == 0 ? $"Unexpected argument '{options.Positional[0]}'." : $"Expected {positional} argument(s), got {options.Positional.Count}.");
            }

            return options;
        }

        public string? Text(string name) => _named.GetValueOrDefault(name);

        public int Int(string name, int fallback, int min, int max)
        {
            if (!_named.TryGetValue(name, out var text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'.");
        }
    }
}

/// <summary>Bad command-line arguments: reported with the usage, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>What <c>run</c> was asked to do.</summary>
internal sealed record RunSettings(
    Uri Server,
    int Learners,
    TimeSpan Warmup,
    TimeSpan Duration,
    TimeSpan Think,
    int Rate,
    string CredentialId,
    int Seed,
    TimeSpan ReadyTimeout);

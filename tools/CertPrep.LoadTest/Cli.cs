using System.Globalization;

namespace CertPrep.LoadTest;

/// <summary>The command line: three verbs, <c>generate-content</c>, <c>run</c> and <c>mix</c>.</summary>
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

          dotnet run -c Release --project tools/CertPrep.LoadTest -- mix --url http://127.0.0.1:5000 [options]
              A realistic learner mix (issue 10): every learner registers (or signs in) and enrols, then loops over
              actions picked with fixed weights: browse (module page, glossary) 35, practise (a quick quiz of 10,
              feedback after each answer, summary) 30, review (due cards, feedback) 25, mock exam (quarter length:
              start, 10 answers saved, submit, report) 10; before each action GET /health/live as the reference.
              --url A[,B]       one or more nodes; a learner's requests alternate between them
              --learners 20     simulated learners (closed loop, each with its own cookies)
              --existing 0      how many of them sign in as generated accounts learner-000000@example.org, ...
                                (tools/CertPrep.LoadData) instead of registering
              --warmup 10       seconds of mix before the measured period, not recorded
              --duration 60     seconds measured
              --think-ms 0      pause before each request of a learner
              --credential cpim credential new learners enrol in
              --pids P[,Q]      site processes whose VmRSS/VmHWM are sampled (/proc/<pid>/status)
              --sample-seconds 5  memory sampling interval
              --samples FILE    also write every memory sample as CSV
              --seed 1, --ready-timeout 30  as for run

        Exit codes: 0 done, 1 set-up failed or more than 1% errors (mix: any error), 2 bad usage.
        tools/loadtest.sh runs all of it against a fresh server; tools/loadmix.sh runs the mix.
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
                case "mix":
                    return await MixRunner.RunAsync(MixSettingsFrom(args.AsSpan(1)), stdout, stderr);
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

    private static MixSettings MixSettingsFrom(ReadOnlySpan<string> args)
    {
        var options = Options.Parse(
            args,
            ["url", "learners", "existing", "warmup", "duration", "think-ms", "credential", "pids", "sample-seconds", "samples", "seed", "ready-timeout"],
            positional: 0);
        var urls = options.Text("url") ?? throw new UsageException("mix needs --url, e.g. --url http://127.0.0.1:5000 or --url http://127.0.0.1:5000,http://127.0.0.1:5001");
        var nodes = urls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(url =>
            Uri.TryCreate(url, UriKind.Absolute, out var node) && node.Scheme is "http" or "https"
                ? node
                : throw new UsageException($"--url '{url}' is not an http(s) address.")).ToList();
        var pids = (options.Text("pids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(pid =>
            int.TryParse(pid, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : throw new UsageException($"--pids: '{pid}' is not a process id.")).ToList();
        var learners = options.Int("learners", 20, 1, 10_000);
        return new MixSettings(
            nodes,
            learners,
            options.Int("existing", 0, 0, learners),
            TimeSpan.FromSeconds(options.Int("warmup", 10, 0, 3600)),
            TimeSpan.FromSeconds(options.Int("duration", 60, 1, 24 * 3600)),
            TimeSpan.FromMilliseconds(options.Int("think-ms", 0, 0, 600_000)),
            options.Text("credential") ?? "cpim",
            pids,
            TimeSpan.FromSeconds(options.Int("sample-seconds", 5, 1, 3600)),
            options.Text("samples"),
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

/// <summary>What <c>mix</c> was asked to do.</summary>
internal sealed record MixSettings(
    IReadOnlyList<Uri> Nodes,
    int Learners,
    int Existing,
    TimeSpan Warmup,
    TimeSpan Duration,
    TimeSpan Think,
    string CredentialId,
    IReadOnlyList<int> Pids,
    TimeSpan SampleEvery,
    string? SamplesFile,
    int Seed,
    TimeSpan ReadyTimeout);

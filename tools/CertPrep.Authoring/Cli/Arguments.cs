namespace CertPrep.Authoring.Cli;

/// <summary>What a command accepts: a number of positional arguments, <c>--flags</c> and <c>--options value</c>.</summary>
/// <param name="Positionals">Names of the positional arguments, for messages.</param>
/// <param name="Required">How many of them are required.</param>
/// <param name="Flags">Flags without a value, e.g. <c>quiet</c> for <c>--quiet</c>.</param>
/// <param name="Options">Options taking a value, e.g. <c>out</c> for <c>--out file</c> or <c>--out=file</c>.</param>
public sealed record ArgumentSpec(IReadOnlyList<string> Positionals, int Required, IReadOnlyList<string> Flags, IReadOnlyList<string> Options);

/// <summary>A parsed command line.</summary>
public sealed class Arguments
{
    private readonly IReadOnlyList<string> _positionals;
    private readonly HashSet<string> _flags;
    private readonly Dictionary<string, string> _options;

    private Arguments(IReadOnlyList<string> positionals, HashSet<string> flags, Dictionary<string, string> options)
    {
        _positionals = positionals;
        _flags = flags;
        _options = options;
    }

    /// <summary>The i-th positional argument, or null when it was not given.</summary>
    public string? Positional(int index) => index < _positionals.Count ? _positionals[index] : null;

    /// <summary>Whether <c>--name</c> was given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The value of <c>--name value</c>, or null.</summary>
    public string? Option(string name) => _options.GetValueOrDefault(name);

    /// <summary>Parses <paramref name="args"/> against <paramref name="spec"/>; throws <see cref="UsageException"/> when they do not fit.</summary>
    public static Arguments Parse(IReadOnlyList<string> args, ArgumentSpec spec)
    {
        var positionals = new List<string>();
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var onlyPositionals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || !arg.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[2..equals] : arg[2..];
            if (spec.Flags.Contains(name))
            {
                if (equals > 0)
                {
                    throw new UsageException($"'--{name}' takes no value.");
                }

                flags.Add(name);
            }
            else if (spec.Options.Contains(name))
            {
                string value;
                if (equals > 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = args[++i];
                }
                else
                {
                    throw new UsageException($"'--{name}' needs a value.");
                }

                if (value.Length == 0)
                {
                    throw new UsageException($"'--{name}' needs a value.");
                }

                if (!options.TryAdd(name, value))
                {
                    throw new UsageException($"'--{name}' is given twice.");
                }
            }
            else
            {
                throw new UsageException($"unknown option '{arg}'.");
            }
        }

        if (positionals.Count < spec.Required)
        {
            throw new UsageException($"missing {string.Join(" and ", spec.Positionals.Skip(positionals.Count).Take(spec.Required - positionals.Count).Select(p => $"<{p}>"))}.");
        }

        if (positionals.Count > spec.Positionals.Count)
        {
            throw new UsageException($"unexpected argument '{positionals[spec.Positionals.Count]}'.");
        }

        return new Arguments(positionals, flags, options);
    }
}

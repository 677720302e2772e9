using CertPrep.LoadTest;

// Usage: dotnet run -c Release --project tools/CertPrep.LoadTest -- (generate-content <dir> | run --url <url> ...); see Cli.Usage.
return await Cli.RunAsync(args, Console.Out, Console.Error);

using BenchmarkDotNet.Running;

// Usage: dotnet run -c Release --project tools/CertPrep.DomainBenchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CertPrep.DomainBenchmarks.SchedulerStepBenchmarks).Assembly).Run(args);

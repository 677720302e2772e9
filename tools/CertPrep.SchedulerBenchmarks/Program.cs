using BenchmarkDotNet.Running;

// Usage: dotnet run -c Release --project tools/CertPrep.SchedulerBenchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CertPrep.SchedulerBenchmarks.SchedulerStepBenchmarks).Assembly).Run(args);

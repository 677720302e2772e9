using System.Diagnostics;
using System.Globalization;
using CertPrep.MemorySimulator;

// Usage: dotnet run -c Release --project tools/CertPrep.MemorySimulator -- [learners=200] [cards=400] [days=60] [retention=0.90,0.80]
var learners = Arg(0, 200);
var cards = Arg(1, 400);
var days = Arg(2, 60);
var retentions = args.Length > 3
    ? args[3].Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray()
    : [0.90, 0.80];
var setup = new SimulationSetup(learners, cards, days, NewPerDay: 20, Target: 0.90, Seed: 20261130);
var clock = Stopwatch.StartNew();

Console.WriteLine($"### Exam-aware scheduling, {learners} simulated learners x {cards} cards, {days} days to the exam, exam-day target {setup.Target:0.00}");
Console.WriteLine();
Console.WriteLine("| Learner's desired retention | Policy | Cards at target on exam day | Reviews per learner | Peak day (reviews) |");
Console.WriteLine("| ---: | --- | ---: | ---: | ---: |");
foreach (var retention in retentions)
{
    var aware = Simulation.Run(setup, retention, examAware: true);
    var plain = Simulation.Run(setup, retention, examAware: false);
    Print(retention, aware, "exam-aware");
    Print(retention, plain, "plain FSRS, same retention");

    // Plain FSRS with retention raised (0.01 steps) until it keeps as many cards at the target as exam-aware does.
    RunResult? raised = null;
    for (var r = Math.Round(retention + 0.01, 2); r <= 0.99; r = Math.Round(r + 0.01, 2))
    {
        raised = Simulation.Run(setup, r, examAware: false);
        if (raised.Share >= aware.Share)
        {
            break;
        }
    }

    if (raised is not null)
    {
        var reached = raised.Share >= aware.Share ? string.Empty : " (highest tried; still below exam-aware)";
        Print(retention, raised, $"plain FSRS, retention raised to {raised.DesiredRetention:0.00}{reached}");
    }

    Console.WriteLine($"| | **exam-aware vs raised** | {(aware.Share >= 0.95 ? "meets 95%" : "BELOW 95%")} | {(raised is null ? "n/a" : $"{100.0 * (raised.Reviews - aware.Reviews) / raised.Reviews:0.0}% fewer reviews")} | |");
}

Console.WriteLine();
Console.WriteLine($"Took {clock.Elapsed.TotalSeconds:0.0} s. Every policy sees the same learners (weights) and random streams (seed {setup.Seed}); the run is reproducible.");

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

void Print(double retention, RunResult result, string policy) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {retention:0.00} | {policy} | {result.Share:P1} ({result.CardsAtTarget:N0} of {result.Cards:N0}) | {(double)result.Reviews / learners:N0} | {result.PeakDay:0} |"));

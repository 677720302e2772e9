using System.Diagnostics;
using System.Globalization;
using CertPrep.LoadData;

// Usage: dotnet run -c Release --project tools/CertPrep.LoadData -- <database.db> <learners>
// Creates <database.db> (migrated like the site's, WAL), imports the repository's content/ and generates <learners>
// learners with a realistic history (see HistoryWriter); the site then starts on the file (tools/loadmix.sh ... data).
if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var learners) || learners < 1)
{
    Console.Error.WriteLine("Usage: CertPrep.LoadData <database.db> <learners>");
    return 2;
}

var clock = Stopwatch.StartNew();
var summary = await LoadDatabase.CreateAsync(Path.GetFullPath(args[0]), learners, TimeProvider.System);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated {learners:N0} learners in {clock.Elapsed.TotalSeconds:N0} s: {summary}."));
return 0;

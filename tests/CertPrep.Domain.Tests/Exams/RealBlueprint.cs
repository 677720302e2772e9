using CertPrep.Domain.Exams;

namespace CertPrep.Domain.Tests.Exams;

/// <summary>
/// Blueprints of the real exams from docs reference section 0. CPIM uses the v7.0 weights (v8.0 unconfirmed);
/// CSCP and IASSC publish no full set of weights, so equal weights stand in for them here.
/// </summary>
internal static class RealBlueprint
{
    public static readonly string[] Names = ["ASCM CPIM", "ASCM CSCP", "ASQ CSSGB", "ASQ CSSBB", "IASSC GB", "IASSC BB"];

    public static ExamBlueprint Create(string name) => name switch
    {
        "ASCM CPIM" => ExamBlueprint.FromPercents(130, 20, 210, Percents(22, 10, 9, 16, 12, 14, 3, 14)),
        "ASCM CSCP" => ExamBlueprint.FromPercents(130, 20, 210, Percents(12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5, 12.5)),
        "ASQ CSSGB" => ExamBlueprint.FromItemCounts(10, 258, Counts(11, 20, 20, 18, 16, 15)),
        "ASQ CSSBB" => ExamBlueprint.FromItemCounts(15, 258, Counts(12, 10, 16, 20, 25, 22, 21, 17, 7)),
        "IASSC GB" => ExamBlueprint.FromPercents(100, 0, 180, Percents(20, 20, 20, 20, 20)),
        "IASSC BB" => ExamBlueprint.FromPercents(150, 0, 240, Percents(20, 20, 20, 20, 20)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown blueprint."),
    };

    private static KeyValuePair<string, double>[] Percents(params double[] values) =>
        values.Select((v, i) => new KeyValuePair<string, double>($"d{i + 1}", v)).ToArray();

    private static KeyValuePair<string, int>[] Counts(params int[] values) =>
        values.Select((v, i) => new KeyValuePair<string, int>($"d{i + 1}", v)).ToArray();
}

using GanAugment.Evaluation;

namespace GanAugment.Cli;

/// <summary>Prints a fidelity report as a short plain-text table.</summary>
internal static class FidelityPrinter
{
    public static void Print(FidelityReport report)
    {
        Console.WriteLine();
        Console.WriteLine("Fidelity (SDMetrics formulas; 1 = identical to the real rows)");
        Console.WriteLine($"  column shapes  {report.ColumnShapeScore:F3}");
        Console.WriteLine($"  pair trends    {report.PairTrendScore:F3}");
        Console.WriteLine();
        Console.WriteLine("  column                          metric          score");
        foreach (var score in report.ColumnShapes)
        {
            Console.WriteLine($"  {Truncate(score.Columns, 30),-30}  {score.Metric,-14}  {score.Score:F3}");
        }

        var worst = report.PairTrends.OrderBy(s => s.Score).Take(3).ToArray();
        if (worst.Length > 0)
        {
            Console.WriteLine();
            Console.WriteLine("  weakest pair trends:");
            foreach (var score in worst)
            {
                Console.WriteLine($"  {Truncate(score.Columns, 40),-40}  {score.Metric,-22}  {score.Score:F3}");
            }
        }
    }

    static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}

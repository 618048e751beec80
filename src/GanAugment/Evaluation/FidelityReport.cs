using GanAugment.Tabular;

namespace GanAugment.Evaluation;

/// <summary>The score of one column or pair of columns, in [0, 1] with 1 meaning identical.</summary>
/// <param name="Columns">The column, or the two columns joined by " × ".</param>
/// <param name="Metric">KSComplement, TVComplement, CorrelationSimilarity or ContingencySimilarity.</param>
/// <param name="Score">The score.</param>
public sealed record FidelityScore(string Columns, string Metric, double Score);

/// <summary>
/// How closely synthetic rows follow real ones, with SDMetrics' quality-report formulas: column shapes
/// (1 − Kolmogorov–Smirnov statistic for numbers, 1 − total variation distance for categories) and pair
/// trends (1 − |Δ Pearson ρ| / 2 for two numeric columns; otherwise 1 − total variation distance of the
/// contingency tables, numbers cut into 10 equal-width bins over the real range).
/// </summary>
public sealed class FidelityReport
{
    const int Bins = 10;

    FidelityReport(IReadOnlyList<FidelityScore> shapes, IReadOnlyList<FidelityScore> trends)
    {
        ColumnShapes = shapes;
        PairTrends = trends;
    }

    /// <summary>One score per column.</summary>
    public IReadOnlyList<FidelityScore> ColumnShapes { get; }

    /// <summary>One score per pair of columns.</summary>
    public IReadOnlyList<FidelityScore> PairTrends { get; }

    /// <summary>The mean column-shape score.</summary>
    public double ColumnShapeScore => ColumnShapes.Average(s => s.Score);

    /// <summary>The mean pair-trend score (1 when there is only one column).</summary>
    public double PairTrendScore => PairTrends.Count == 0 ? 1 : PairTrends.Average(s => s.Score);

    /// <summary>Compares <paramref name="synthetic"/> with <paramref name="real"/>, column by column by name.</summary>
    public static FidelityReport Compare(Table real, Table synthetic)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        var names = real.Columns.Select(c => c.Name).Where(n => synthetic.TryIndexOf(n, out _)).ToArray();
        var shapes = names.Select(n => ColumnShape(real[n], synthetic[n])).ToArray();
        var trends = new List<FidelityScore>();
        for (var i = 0; i < names.Length; i++)
        {
            for (var j = i + 1; j < names.Length; j++)
            {
                trends.Add(PairTrend(real[names[i]], real[names[j]], synthetic[names[i]], synthetic[names[j]]));
            }
        }

        return new FidelityReport(shapes, trends);
    }

    static FidelityScore ColumnShape(TableColumn real, TableColumn synthetic)
    {
        if (real.IsNumeric && synthetic.IsNumeric)
        {
            return new(real.Name, "KSComplement", 1 - KolmogorovSmirnov(Present(real), Present(synthetic)));
        }

        var (r, s) = (Distribution(CategoryKeys(real)), Distribution(CategoryKeys(synthetic)));
        return new(real.Name, "TVComplement", 1 - TotalVariation(r, s));
    }

    static FidelityScore PairTrend(TableColumn realA, TableColumn realB, TableColumn synthA, TableColumn synthB)
    {
        var name = $"{realA.Name} × {realB.Name}";
        if (realA.IsNumeric && realB.IsNumeric)
        {
            var difference = Math.Abs(Pearson(realA, realB) - Pearson(synthA, synthB));
            return new(name, "CorrelationSimilarity", 1 - difference / 2);
        }

        var keysA = (real: Keys(realA, realA), synth: Keys(synthA, realA));
        var keysB = (real: Keys(realB, realB), synth: Keys(synthB, realB));
        var r = Distribution(keysA.real.Zip(keysB.real, (a, b) => a + "\u001f" + b));
        var s = Distribution(keysA.synth.Zip(keysB.synth, (a, b) => a + "\u001f" + b));
        return new(name, "ContingencySimilarity", 1 - TotalVariation(r, s));
    }

    /// <summary>
    /// Category keys; numbers become one of 10 equal-width bins of the reference (real) column's range.
    /// </summary>
    static IEnumerable<string> Keys(TableColumn column, TableColumn reference)
    {
        if (!column.IsNumeric)
        {
            return CategoryKeys(column);
        }

        var present = Present(reference);
        var (low, high) = present.Length == 0 ? (0.0, 0.0) : (present.Min(), present.Max());
        var width = (high - low) / Bins;
        return column.Numbers!.Select(v => double.IsNaN(v) ? "∅"
            : width <= 0 ? "0"
            : Math.Clamp((int)((v - low) / width), 0, Bins - 1)
                .ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    static IEnumerable<string> CategoryKeys(TableColumn column) =>
        column.Numbers is { } numbers
            ? numbers.Select(v => double.IsNaN(v)
                ? "∅"
                : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
            : column.Codes!.Select(c => c < 0 ? "∅" : column.Categories[c]);

    static double[] Present(TableColumn column) => column.Numbers!.Where(v => !double.IsNaN(v)).ToArray();

    static Dictionary<string, double> Distribution(IEnumerable<string> keys)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        var total = 0;
        foreach (var key in keys)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
            total++;
        }

        foreach (var key in counts.Keys.ToArray())
        {
            counts[key] /= Math.Max(total, 1);
        }

        return counts;
    }

    static double TotalVariation(Dictionary<string, double> p, Dictionary<string, double> q) =>
        0.5 * p.Keys.Union(q.Keys).Sum(k => Math.Abs(p.GetValueOrDefault(k) - q.GetValueOrDefault(k)));

    /// <summary>The two-sample Kolmogorov–Smirnov statistic: the largest gap between the empirical CDFs.</summary>
    internal static double KolmogorovSmirnov(double[] a, double[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 0 : 1;
        }

        Array.Sort(a);
        Array.Sort(b);
        int i = 0, j = 0;
        var gap = 0.0;
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x)
            {
                i++;
            }

            while (j < b.Length && b[j] <= x)
            {
                j++;
            }

            gap = Math.Max(gap, Math.Abs((double)i / a.Length - (double)j / b.Length));
        }

        return gap;
    }

    /// <summary>Pearson's ρ over the rows where both values are present; 0 when either is constant.</summary>
    static double Pearson(TableColumn x, TableColumn y)
    {
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (var r = 0; r < x.Length; r++)
        {
            var (a, b) = (x.Numbers![r], y.Numbers![r]);
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                continue;
            }

            n++;
            sx += a;
            sy += b;
            sxx += a * a;
            syy += b * b;
            sxy += a * b;
        }

        var cov = sxy - sx * sy / n;
        var vx = sxx - sx * sx / n;
        var vy = syy - sy * sy / n;
        return n < 2 || vx <= 0 || vy <= 0 ? 0 : Math.Clamp(cov / Math.Sqrt(vx * vy), -1, 1);
    }
}

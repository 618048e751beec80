using GanAugment.Tabular;

namespace GanAugment.Oversampling;

/// <summary>
/// The columns SMOTE measures distance on, with each numeric column's class-independent mean and
/// standard deviation (population, over the non-missing values of every row).
/// </summary>
internal sealed class SmoteFeatures
{
    SmoteFeatures(int[] numeric, double[] means, double[] scales, int[] categorical)
    {
        Numeric = numeric;
        Means = means;
        Scales = scales;
        Categorical = categorical;
    }

    /// <summary>Positions of the numeric columns other than the label.</summary>
    public int[] Numeric { get; }

    /// <summary>The mean of each numeric column; 0 for a column with no values.</summary>
    public double[] Means { get; }

    /// <summary>The standard deviation of each numeric column, or 1 where it is 0 or undefined.</summary>
    public double[] Scales { get; }

    /// <summary>Positions of the categorical and boolean columns other than the label.</summary>
    public int[] Categorical { get; }

    /// <summary>Measures every column of <paramref name="table"/> except the label.</summary>
    public static SmoteFeatures Measure(Table table, int labelIndex)
    {
        var numeric = new List<int>();
        var categorical = new List<int>();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (c != labelIndex)
            {
                (table.Columns[c].IsNumeric ? numeric : categorical).Add(c);
            }
        }

        var means = new double[numeric.Count];
        var scales = new double[numeric.Count];
        for (var j = 0; j < numeric.Count; j++)
        {
            (means[j], scales[j]) = MeanAndScale(table.Columns[numeric[j]].Numbers!);
        }

        return new SmoteFeatures([.. numeric], means, scales, [.. categorical]);
    }

    static (double Mean, double Scale) MeanAndScale(double[] values)
    {
        var count = 0;
        var sum = 0.0;
        foreach (var value in values)
        {
            if (!double.IsNaN(value))
            {
                count++;
                sum += value;
            }
        }

        if (count == 0)
        {
            return (0.0, 1.0);
        }

        var mean = sum / count;
        var squares = 0.0;
        foreach (var value in values)
        {
            if (!double.IsNaN(value))
            {
                squares += (value - mean) * (value - mean);
            }
        }

        var deviation = Math.Sqrt(squares / count);
        return (mean, deviation > 0 ? deviation : 1.0);
    }
}

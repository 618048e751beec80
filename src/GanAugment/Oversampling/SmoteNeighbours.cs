using GanAugment.Tabular;

namespace GanAugment.Oversampling;

/// <summary>
/// The k nearest neighbours of each real row within one class, found by brute force and only for the
/// rows that SMOTE actually draws. Distance is Euclidean on numeric columns standardised by their
/// class-independent mean and standard deviation (a missing value sits at the mean), plus SMOTE-NC's
/// penalty for each categorical or boolean column whose values differ.
/// </summary>
/// <remarks>
/// SMOTE-NC (Chawla et al. 2002, section 6.1) adds the median of the numeric columns' standard deviations
/// for every differing nominal value. Measured in standardised units every such deviation is 1, so the
/// penalty is 1 per differing column here, and it does not depend on the columns' units.
/// </remarks>
internal sealed class SmoteNeighbours
{
    const double CategoryPenalty = 1.0;

    readonly double[] _standardised;
    readonly int[] _codes;
    readonly int _numericCount;
    readonly int _categoricalCount;
    readonly int _rowCount;
    readonly int[]?[] _cache;

    /// <summary>Prepares the search over the given rows of one class.</summary>
    /// <param name="table">The real rows.</param>
    /// <param name="rows">The class's rows in <paramref name="table"/>.</param>
    /// <param name="features">The numeric and categorical columns to measure, never the label.</param>
    /// <param name="neighbours">How many neighbours to keep per row; at most rows − 1.</param>
    public SmoteNeighbours(Table table, int[] rows, SmoteFeatures features, int neighbours)
    {
        _rowCount = rows.Length;
        _numericCount = features.Numeric.Length;
        _categoricalCount = features.Categorical.Length;
        Count = neighbours;
        _cache = new int[]?[rows.Length];

        // [row × numeric column], standardised; [row × categorical column], codes.
        _standardised = new double[rows.Length * _numericCount];
        _codes = new int[rows.Length * _categoricalCount];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var j = 0; j < _numericCount; j++)
            {
                var value = table.Columns[features.Numeric[j]].Numbers![rows[r]];
                _standardised[r * _numericCount + j] = double.IsNaN(value)
                    ? 0.0
                    : (value - features.Means[j]) / features.Scales[j];
            }

            for (var j = 0; j < _categoricalCount; j++)
            {
                _codes[r * _categoricalCount + j] = table.Columns[features.Categorical[j]].Codes![rows[r]];
            }
        }
    }

    /// <summary>The number of neighbours kept per row.</summary>
    public int Count { get; }

    /// <summary>
    /// The neighbours of the class's <paramref name="row"/>-th row, as positions within the class,
    /// nearest first; among equal distances the earlier row comes first.
    /// </summary>
    public int[] Of(int row) => _cache[row] ??= Search(row);

    int[] Search(int row)
    {
        var best = new int[Count];
        var bestDistance = new double[Count];
        var found = 0;
        for (var other = 0; other < _rowCount; other++)
        {
            if (other == row)
            {
                continue;
            }

            var distance = SquaredDistance(row, other);
            if (found == Count && distance >= bestDistance[Count - 1])
            {
                continue;
            }

            // Insertion into the sorted short list; strict comparison keeps earlier rows ahead on ties.
            var slot = found < Count ? found++ : Count - 1;
            while (slot > 0 && bestDistance[slot - 1] > distance)
            {
                best[slot] = best[slot - 1];
                bestDistance[slot] = bestDistance[slot - 1];
                slot--;
            }

            best[slot] = other;
            bestDistance[slot] = distance;
        }

        return best;
    }

    double SquaredDistance(int a, int b)
    {
        var sum = 0.0;
        var za = _standardised.AsSpan(a * _numericCount, _numericCount);
        var zb = _standardised.AsSpan(b * _numericCount, _numericCount);
        for (var j = 0; j < za.Length; j++)
        {
            var d = za[j] - zb[j];
            sum += d * d;
        }

        var ca = _codes.AsSpan(a * _categoricalCount, _categoricalCount);
        var cb = _codes.AsSpan(b * _categoricalCount, _categoricalCount);
        for (var j = 0; j < ca.Length; j++)
        {
            if (ca[j] != cb[j])
            {
                sum += CategoryPenalty;
            }
        }

        return sum;
    }
}

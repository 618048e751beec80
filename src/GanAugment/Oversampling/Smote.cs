using GanAugment.Tabular;

namespace GanAugment.Oversampling;

/// <summary>
/// SMOTE (Chawla et al. 2002): each synthetic row lies on the segment between a real row and one of its
/// nearest neighbours of the same class. Categorical and boolean columns follow SMOTE-NC: they count in
/// the distance, and take the value most frequent among the neighbours.
/// </summary>
/// <remarks>
/// <para>
/// For each synthetic row of class c: a real row x of c is drawn uniformly; one of its k nearest
/// neighbours within c is drawn uniformly, where k = min(neighbours, rows of c − 1); one u ~ U[0, 1) is
/// drawn, and each numeric column becomes x + u·(neighbour − x). Integer columns are rounded, and
/// continuous columns are rounded to their decimal places when known. Where x or the neighbour lacks a
/// value, the synthetic row takes x's value.
/// </para>
/// <para>
/// Distance is Euclidean on numeric columns standardised by their class-independent standard deviation,
/// a missing value counting as the column's mean; each differing categorical or boolean column adds 1,
/// SMOTE-NC's median-deviation penalty in standardised units. A categorical or boolean column takes the
/// value most frequent among the k neighbours (ties go to the smaller code; missing values do not vote,
/// and x's value is kept when no neighbour has one). A class with a single row is copied.
/// </para>
/// <para>
/// Neighbours are found by brute force, only for the rows drawn: the cost grows with the rows of a class
/// times the distinct rows drawn from it, which suits the small tables this library targets.
/// </para>
/// </remarks>
public static class Smote
{
    /// <summary>The default number of nearest neighbours, 5, as in the paper and imbalanced-learn.</summary>
    public const int DefaultNeighbours = 5;

    /// <summary>
    /// Makes synthetic rows for each requested class by interpolating between its real rows.
    /// </summary>
    /// <param name="table">The real rows.</param>
    /// <param name="labelColumn">The class column: categorical, boolean or integer.</param>
    /// <param name="extraRowsPerClass">
    /// How many synthetic rows to make per class, keyed by the label's category (or an integer label's
    /// value written in the invariant culture). Classes not listed get none.
    /// </param>
    /// <param name="seed">
    /// The seed; each class draws from its own stream of it, so the same seed gives the same rows.
    /// </param>
    /// <param name="neighbours">How many nearest neighbours to choose among; default 5.</param>
    /// <returns>
    /// Only the synthetic rows, class by class in the label's order, with the input's columns, kinds,
    /// categories and decimal places.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="neighbours"/> is not positive.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// The label column is unknown or continuous, a class has no real rows, or a count is negative.
    /// </exception>
    public static Table Oversample(
        Table table, string labelColumn, IReadOnlyDictionary<string, int> extraRowsPerClass, ulong seed,
        int neighbours = DefaultNeighbours)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(neighbours);
        var classes = OversamplingRequest.Resolve(table, labelColumn, extraRowsPerClass);

        var labelIndex = table.IndexOf(labelColumn);
        var features = SmoteFeatures.Measure(table, labelIndex);
        var output = new SyntheticRows(table, classes.Sum(c => c.ExtraRows));
        foreach (var klass in classes)
        {
            var k = Math.Min(neighbours, klass.Rows.Length - 1);
            var search = k == 0 ? null : new SmoteNeighbours(table, klass.Rows, features, k);
            var random = new RandomSource(seed, klass.Stream);
            for (var i = 0; i < klass.ExtraRows; i++)
            {
                var drawn = random.NextInt(klass.Rows.Length);
                var x = klass.Rows[drawn];
                if (search is null)
                {
                    output.CopyRow(x);
                }
                else
                {
                    var near = search.Of(drawn);
                    var neighbour = klass.Rows[near[random.NextInt(near.Length)]];
                    var step = random.NextDouble();
                    output.Interpolate(x, neighbour, step, features.Numeric);
                    output.Vote(x, near, klass.Rows, features.Categorical);
                    output.CopyColumn(labelIndex, x);
                }

                output.Next();
            }
        }

        return output.ToTable();
    }
}

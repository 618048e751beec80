using GanAugment.Tabular;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.ML.Evaluation;

/// <summary>
/// A standard featurisation for the views of <see cref="TableDataView"/>: numbers with missing values
/// replaced by the mean, categories one-hot, booleans as 0/1, all concatenated into <c>Features</c> and
/// scaled to zero mean and unit variance.
/// </summary>
public static class TableFeaturizer
{
    /// <summary>
    /// The estimator for the columns of <paramref name="table"/> other than <paramref name="label"/>.
    /// </summary>
    public static IEstimator<ITransformer> Create(MLContext context, Table table, string label)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(table);
        var features = table.Columns.Where(c => c.Name != label).ToArray();
        var numeric = features.Where(c => c.IsNumeric).Select(c => c.Name).ToArray();
        var categorical = features.Where(c => !c.IsNumeric).Select(c => c.Name).ToArray();
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        if (numeric.Length > 0)
        {
            chain = chain.Append(context.Transforms.ReplaceMissingValues(
                numeric.Select(n => new InputOutputColumnPair(n, n)).ToArray()));
        }

        foreach (var column in features.Where(c => !c.IsNumeric))
        {
            chain = column.Kind == ColumnKind.Boolean
                ? chain.Append(context.Transforms.Conversion.ConvertType(column.Name, outputKind: DataKind.Single))
                : chain.Append(context.Transforms.Categorical.OneHotEncoding(column.Name));
        }

        return chain
            .Append(context.Transforms.Concatenate("Features", [.. numeric, .. categorical]))
            .Append(context.Transforms.NormalizeMeanVariance("Features"));
    }
}

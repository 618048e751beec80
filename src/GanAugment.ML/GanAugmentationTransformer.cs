using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.ML;

/// <summary>
/// Holds the real plus synthetic rows made by <see cref="GanAugmentationEstimator.Fit"/>. It is a data
/// operation on the rows it was fit on: <see cref="Transform"/> returns them for exactly that data view,
/// and refuses any other, because augmenting scoring or test data would be a leak.
/// </summary>
public sealed class GanAugmentationTransformer : ITransformer
{
    readonly IDataView _fittedOn;
    readonly IDataView _augmented;

    internal GanAugmentationTransformer(IDataView fittedOn, IDataView augmented, int syntheticRows)
    {
        _fittedOn = fittedOn;
        _augmented = augmented;
        SyntheticRows = syntheticRows;
    }

    /// <summary>The synthetic rows added.</summary>
    public int SyntheticRows { get; }

    /// <summary>False: rows are added, so this is not a row-to-row mapping.</summary>
    public bool IsRowToRowMapper => false;

    /// <summary>The real plus synthetic rows, for the data view this transformer was fit on.</summary>
    /// <exception cref="InvalidOperationException">Another data view was given.</exception>
    public IDataView Transform(IDataView input) =>
        ReferenceEquals(input, _fittedOn)
            ? _augmented
            : throw new InvalidOperationException(
                "GanAugmentationTransformer only returns the augmented training rows it was fit on; it does not " +
                "augment other data. Use AppendGanAugmentation(...).Append(trainer) in a pipeline instead.");

    /// <summary>The schema is unchanged.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inputSchema;

    /// <summary>Not supported: this transformer adds rows.</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        throw new InvalidOperationException("GanAugmentationTransformer adds rows; it has no row-to-row mapper.");

    /// <summary>Not supported: save the generator's .gan package instead.</summary>
    public void Save(ModelSaveContext ctx) =>
        throw new InvalidOperationException(
            "GanAugmentationTransformer is a data operation and is not saved into ML.NET models.");
}

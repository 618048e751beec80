using Microsoft.ML;

namespace GanAugment.Tests.ML;

/// <summary>Wraps a trainer and records what its Fit was given: rows counted by a cursor, twice.</summary>
internal sealed class CountingEstimator<T>(IEstimator<T> inner) : IEstimator<T>
    where T : class, ITransformer
{
    public List<long> RowsPerPass { get; } = [];

    public List<float> FirstFeaturePerPass { get; } = [];

    public T Fit(IDataView input)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            long rows = 0;
            var sum = 0f;
            using var cursor = input.GetRowCursor(input.Schema);
            var features = input.Schema["Features"];
            var getter = cursor.GetGetter<Microsoft.ML.Data.VBuffer<float>>(features);
            Microsoft.ML.Data.VBuffer<float> value = default;
            while (cursor.MoveNext())
            {
                getter(ref value);
                sum += value.GetValues()[0];
                rows++;
            }

            RowsPerPass.Add(rows);
            FirstFeaturePerPass.Add(sum);
        }

        return inner.Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
}

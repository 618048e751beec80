using GanAugment.ML.Data;
using GanAugment.Packaging;
using GanAugment.Sampling;
using GanAugment.Tabular;
using GanAugment.Training.Tabular;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace GanAugment.ML;

/// <summary>
/// The work behind every augmentation entry point: read the training rows into column buffers, train (or
/// load) the conditional GAN, decide how many rows each class gets, sample them with ONNX Runtime and
/// return the real and synthetic rows as one data view with the input's schema.
/// </summary>
internal sealed class Augmenter(GanAugmentationOptions options, IHostEnvironment? environment)
{
    /// <summary>Checks that <paramref name="schema"/> can be augmented; throws ML.NET-style schema errors.</summary>
    public void CheckSchema(SchemaShape schema)
    {
        var found = schema.Where(c => c.Name == options.LabelColumnName).ToArray();
        if (found.Length == 0)
        {
            throw SchemaErrors.Missing(options.LabelColumnName);
        }

        var label = found[^1];

        if (label.Kind != SchemaShape.Column.VectorKind.Scalar ||
            !(label.IsKey || label.ItemType is BooleanDataViewType or TextDataViewType))
        {
            throw SchemaErrors.Mismatch(options.LabelColumnName, "Boolean, Key or String (a class label)",
                label.ItemType.ToString() ?? "?");
        }
    }

    /// <summary>Real rows plus synthetic rows for the trainer.</summary>
    public IDataView Augment(IDataView data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var channel = environment?.Start("GanAugmentation");
        var label = data.Schema.GetColumnOrNull(options.LabelColumnName)
            ?? throw SchemaErrors.Missing(options.LabelColumnName);
        var sources = data.Schema.Where(c => !c.IsHidden).ToArray();
        var columns = sources.Select(c => ViewColumn.Create(c, c.Index == label.Index)).ToArray();
        ReadRows(data, sources, columns);
        var real = new Table(columns.SelectMany(c => c.ToTableColumns()).ToArray());
        var seed = options.Seed ?? environment?.Register("GanAugmentation").Rand.Next() ?? 0;
        var counts = ClassBudget.Plan(real[label.Name], options);

        var package = ObtainPackage(real, label.Name, seed, channel);
        using var sampler = new GanSampler(package, new SamplerOptions { Device = options.Device });
        Log(channel, $"Sampling on {sampler.Device}: {sampler.DeviceReason}.");
        var stream = 0UL;
        foreach (var (klass, rows) in counts)
        {
            stream++;
            if (rows == 0)
            {
                continue;
            }

            foreach (var block in sampler.SampleBlocks(rows, (ulong)seed * 1_000_003UL + stream,
                new SamplingCondition(label.Name, klass)))
            {
                foreach (var column in columns)
                {
                    column.Append(block);
                }
            }
        }

        var added = counts.Sum(c => c.Value);
        Log(channel, $"Added {added} synthetic rows to {real.RowCount} real rows: " +
            string.Join(", ", counts.Select(c => $"{c.Key} +{c.Value}")) + ".");
        SyntheticRowsAdded = added;
        return new ColumnarDataView(CopySchema(sources), columns, real.RowCount + added);
    }

    /// <summary>The synthetic rows the last <see cref="Augment"/> added.</summary>
    public int SyntheticRowsAdded { get; private set; }

    GanPackage ObtainPackage(Table real, string label, int seed, IChannel? channel)
    {
        if (options.ModelPath is { } path)
        {
            var loaded = GanPackage.Read(path);
            var expected = real.Columns.Select(c => c.Name);
            var actual = loaded.Manifest.Encoding.Columns.Select(c => c.Name);
            if (!expected.SequenceEqual(actual))
            {
                throw new ModelPackageException(
                    $"The package '{path}' was trained on the columns ({string.Join(", ", actual)}), not on the " +
                    $"pipeline's columns at this point ({string.Join(", ", expected)}).");
            }

            var packageLabel = loaded.Manifest.Encoding.Label?.Name;
            var missing = real[label].Categories.Except(loaded.Manifest.Encoding.Classes).ToArray();
            if (packageLabel != label || missing.Length > 0)
            {
                throw new ModelPackageException(
                    $"The package '{path}' was trained with the label '{packageLabel ?? "(none)"}' and the classes " +
                    $"({string.Join(", ", loaded.Manifest.Encoding.Classes)}); the pipeline's label is '{label}' " +
                    $"with the classes ({string.Join(", ", real[label].Categories)}).");
            }

            Log(channel, $"Loaded the GAN from {path}.");
            return loaded;
        }

        var training = options.Training with { Seed = (ulong)(uint)seed };
        Log(channel, $"Training the GAN on {real.RowCount} rows × {real.Columns.Count} columns " +
            $"for {training.Epochs} epochs.");
        using var trained = new TabularGanTrainer(training).Fit(real, label);
        return trained.ToPackage();
    }

    /// <summary>Writes to the MLContext log (its Log event) through the channel, when there is one.</summary>
    static void Log(IChannel? channel, string message) =>
        channel?.Info(MessageSensitivity.None, message);

    static void ReadRows(IDataView data, DataViewSchema.Column[] sources, ViewColumn[] columns)
    {
        using var cursor = data.GetRowCursor(sources);
        var appenders = columns.Select(c => c.CreateAppender(cursor)).ToArray();
        while (cursor.MoveNext())
        {
            foreach (var append in appenders)
            {
                append();
            }
        }
    }

    static DataViewSchema CopySchema(IEnumerable<DataViewSchema.Column> sources)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in sources)
        {
            builder.AddColumn(column.Name, column.Type, column.Annotations);
        }

        return builder.ToSchema();
    }
}

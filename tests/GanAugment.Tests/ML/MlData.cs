using GanAugment.ML;
using GanAugment.Training.Tabular;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.Tests.ML;

/// <summary>Bundled datasets as ML.NET data views, and small GAN settings that keep tests quick.</summary>
internal static class MlData
{
    public static readonly TabularGanOptions QuickGan = new()
    {
        Epochs = 4,
        BatchSize = 50,
        GeneratorLayers = [32, 32],
        DiscriminatorLayers = [32, 32],
        Device = "cpu",
    };

    public static GanAugmentationOptions Options(string label = "Label", int seed = 1) => new()
    {
        LabelColumnName = label,
        Training = QuickGan,
        Device = GanAugment.Sampling.DeviceChoice.Cpu,
        Seed = seed,
    };

    /// <summary>Min-max scaling, augmentation, then a small FastTree: the model the save and load tests use.</summary>
    public static ITransformer FitAugmentedFastTree(MLContext context, IDataView data) =>
        context.Transforms.NormalizeMinMax("Features")
            .AppendGanAugmentation(Options())
            .Append(context.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 10))
            .Fit(data);

    /// <summary>breast_cancer: Features (30 floats) and a boolean Label (malignant).</summary>
    public static IDataView BreastCancer(MLContext context)
    {
        var loader = context.Data.CreateTextLoader(new TextLoader.Options
        {
            HasHeader = true,
            Separators = [','],
            Columns =
            [
                new TextLoader.Column("Features", DataKind.Single, 0, 29),
                new TextLoader.Column("diagnosis", DataKind.String, 30),
            ],
        });
        var raw = loader.Load(TestData.Dataset("breast_cancer"));
        var pipeline = context.Transforms.Conversion
            .MapValue("Label", [new KeyValuePair<string, bool>("malignant", true), new("benign", false)], "diagnosis")
            .Append(context.Transforms.DropColumns("diagnosis"));
        return pipeline.Fit(raw).Transform(raw);
    }

    /// <summary>iris: Features (4 floats) and a key Label over the three species.</summary>
    public static IDataView Iris(MLContext context)
    {
        var loader = context.Data.CreateTextLoader(new TextLoader.Options
        {
            HasHeader = true,
            Separators = [','],
            Columns =
            [
                new TextLoader.Column("Features", DataKind.Single, 0, 3),
                new TextLoader.Column("species", DataKind.String, 4),
            ],
        });
        var raw = loader.Load(TestData.Dataset("iris"));
        var pipeline = context.Transforms.Conversion.MapValueToKey("Label", "species")
            .Append(context.Transforms.DropColumns("species"));
        return pipeline.Fit(raw).Transform(raw);
    }
}

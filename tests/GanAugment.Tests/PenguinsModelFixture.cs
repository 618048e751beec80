using GanAugment.Csv;
using GanAugment.Tabular;
using GanAugment.Training.Tabular;

namespace GanAugment.Tests;

/// <summary>
/// One small conditional GAN trained for real on the bundled penguins table (label: species), shared by
/// the tests that need a model package. Small on purpose: it proves the pipeline, not the quality.
/// </summary>
public sealed class PenguinsModelFixture : IDisposable
{
    public PenguinsModelFixture()
    {
        Folder = TestData.NewTempFolder();
        Table = CsvTableReader.ReadFile(
            TestData.Dataset("penguins"), new CsvReadOptions { CategoricalColumns = ["species"] });
        Options = new TabularGanOptions
        {
            Epochs = 40,
            BatchSize = 100,
            GeneratorLayers = [64, 64],
            DiscriminatorLayers = [64, 64],
            Seed = 11,
            Device = "cpu",
        };
        using var trained = new TabularGanTrainer(Options).Fit(Table, "species");
        PackagePath = Path.Combine(Folder, "penguins.gan");
        trained.ToPackage().Write(PackagePath);
    }

    public string Folder { get; }

    public Table Table { get; }

    public TabularGanOptions Options { get; }

    public string PackagePath { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class PenguinsModelCollection : ICollectionFixture<PenguinsModelFixture>
{
    public const string Name = "penguins model";
}

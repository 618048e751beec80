using System.Reflection;
using GanAugment.Csv;
using GanAugment.ML;
using GanAugment.Training.Tabular;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.Tests.ML;

/// <summary>
/// Where the GAN comes from (trained in Fit or loaded), where the seed comes from, and where logs go.
/// </summary>
public sealed class GanAugmentationSourcesTests
{
    [Fact]
    public void A_trained_package_can_be_loaded_instead_of_training_in_Fit()
    {
        var folder = TestData.NewTempFolder();
        var path = Path.Combine(folder, "iris.gan");
        var table = CsvTableReader.ReadFile(
            TestData.Dataset("iris"), new CsvReadOptions { CategoricalColumns = ["species"] });
        using (var trained = new TabularGanTrainer(MlData.QuickGan with { Seed = 2 }).Fit(table, "species"))
        {
            trained.ToPackage().Write(path);
        }

        var context = new MLContext(seed: 1);
        var data = IrisColumns(context);
        var options = MlData.Options("species") with { ModelPath = path, SyntheticRatio = 0.5 };

        var augmented = context.Transforms.GanAugmentationData(options).Fit(data).Transform(data);

        Assert.Equal(150 + 75, augmented.GetRowCount());
        var species = augmented.GetColumn<ReadOnlyMemory<char>>("species").Select(s => s.ToString()).Skip(150);
        Assert.All(species, s => Assert.Contains(s, new[] { "setosa", "versicolor", "virginica" }));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_package_trained_on_other_columns_is_refused_with_both_column_lists()
    {
        var folder = TestData.NewTempFolder();
        var path = Path.Combine(folder, "penguins.gan");
        var table = CsvTableReader.ReadFile(
            TestData.Dataset("penguins"), new CsvReadOptions { CategoricalColumns = ["species"] });
        using (var trained = new TabularGanTrainer(MlData.QuickGan).Fit(table, "species"))
        {
            trained.ToPackage().Write(path);
        }

        var context = new MLContext(seed: 1);
        var data = IrisColumns(context);

        var error = Assert.Throws<GanAugment.Packaging.ModelPackageException>(() =>
            context.Transforms.GanAugmentationData(MlData.Options("species") with { ModelPath = path }).Fit(data));

        Assert.Contains("island", error.Message);
        Assert.Contains("sepal_length_cm", error.Message);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void An_unset_seed_comes_from_the_MLContext_and_decisions_reach_its_log()
    {
        IDataView Augment(int contextSeed, List<string> log)
        {
            var context = new MLContext(seed: contextSeed);
            context.Log += (_, e) => log.Add(e.Message);
            var data = IrisColumns(context);
            var options = MlData.Options("species") with { Seed = null };
            return context.Transforms.GanAugmentationData(options).Fit(data).Transform(data);
        }

        var log = new List<string>();
        var first = Augment(5, log).GetColumn<float>("sepal_length_cm").ToArray();
        var again = Augment(5, []).GetColumn<float>("sepal_length_cm").ToArray();
        var other = Augment(6, []).GetColumn<float>("sepal_length_cm").ToArray();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains(log, m => m.Contains("synthetic rows", StringComparison.Ordinal));
        Assert.Contains(log, m => m.Contains("Sampling on", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_errors_are_raised_by_GetOutputSchema_before_any_data_is_read()
    {
        var context = new MLContext(seed: 1);
        var data = IrisColumns(context);
        var pipeline = context.Transforms.GanAugmentation(MlData.Options("class"))
            .Append(context.Transforms.Concatenate("Features", "sepal_length_cm"));
        var create = typeof(SchemaShape).GetMethod(
            "Create", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;
        var shape = (SchemaShape)create.Invoke(null, [data.Schema])!;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => pipeline.GetOutputSchema(shape));

        Assert.Contains("Could not find input column 'class'", error.Message);
    }

    /// <summary>iris with one scalar column per measurement, named as in the CSV, and the text label.</summary>
    static IDataView IrisColumns(MLContext context)
    {
        var names = File.ReadLines(TestData.Dataset("iris")).First().Split(',');
        var columns = names.Select((name, i) => new TextLoader.Column(
            name, i < 4 ? DataKind.Single : DataKind.String, i)).ToArray();
        return context.Data.CreateTextLoader(new TextLoader.Options
        {
            HasHeader = true,
            Separators = [','],
            Columns = columns,
        }).Load(TestData.Dataset("iris"));
    }
}

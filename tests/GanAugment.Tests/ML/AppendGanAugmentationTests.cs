using System.IO.Compression;
using GanAugment.ML;
using Microsoft.ML;
using Microsoft.ML.Data;
using PlattLinearModel = Microsoft.ML.Calibrators.CalibratedModelParametersBase<
    Microsoft.ML.Trainers.LinearBinaryModelParameters, Microsoft.ML.Calibrators.PlattCalibrator>;

namespace GanAugment.Tests.ML;

/// <summary>
/// The train-only semantics of <c>AppendGanAugmentation(options).Append(trainer)</c>, with real trainers.
/// </summary>
public sealed class AppendGanAugmentationTests
{
    [Fact]
    public void The_trainer_is_fit_on_real_plus_synthetic_rows_generated_once_per_fit()
    {
        var context = new MLContext(seed: 1);
        var data = MlData.BreastCancer(context);
        var trainer = context.BinaryClassification.Trainers.LbfgsLogisticRegression();
        var counting = new CountingEstimator<BinaryPredictionTransformer<PlattLinearModel>>(trainer);
        var pipeline = context.Transforms.NormalizeMinMax("Features")
            .AppendGanAugmentation(MlData.Options() with { SyntheticRatio = 0.5 })
            .Append(counting);

        pipeline.Fit(data);

        // 569 real rows plus round(0.5 × 569) = 285 synthetic rows, the same rows on every pass.
        Assert.Equal([569L + 285, 569L + 285], counting.RowsPerPass);
        Assert.Equal(counting.FirstFeaturePerPass[0], counting.FirstFeaturePerPass[1]);
    }

    [Fact]
    public void The_fitted_model_holds_only_stock_ML_NET_transformers_and_scores_exactly_the_test_rows()
    {
        var context = new MLContext(seed: 1);
        var split = context.Data.TrainTestSplit(MlData.BreastCancer(context), testFraction: 0.3, seed: 2);
        var pipeline = context.Transforms.NormalizeMinMax("Features")
            .AppendGanAugmentation(MlData.Options())
            .Append(context.BinaryClassification.Trainers.SdcaLogisticRegression(maximumNumberOfIterations: 20));

        var model = pipeline.Fit(split.TrainSet);
        var scored = model.Transform(split.TestSet);

        Assert.All(model, t => Assert.StartsWith("Microsoft.ML", t.GetType().Assembly.GetName().Name));
        Assert.Equal(CountRows(split.TestSet), CountRows(scored));
        var metrics = context.BinaryClassification.Evaluate(scored);
        Assert.InRange(metrics.Accuracy, 0.8, 1.0);
        var engine = context.Model.CreatePredictionEngine<Sample, Prediction>(model);
        Assert.IsType<bool>(engine.Predict(new Sample { Features = new float[30] }).PredictedLabel);
    }

    [Fact]
    public void Cross_validation_test_folds_contain_only_real_rows()
    {
        var context = new MLContext(seed: 1);
        var data = MlData.BreastCancer(context);
        var pipeline = context.Transforms.NormalizeMinMax("Features")
            .AppendGanAugmentation(MlData.Options())
            .Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression());

        var folds = context.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 3);

        Assert.Equal(569, folds.Sum(f => CountRows(f.ScoredHoldOutSet)));
    }

    [Fact]
    public void A_saved_model_names_no_GanAugment_type_and_loads_back_with_identical_scores()
    {
        var context = new MLContext(seed: 1);
        var data = MlData.BreastCancer(context);
        var model = MlData.FitAugmentedFastTree(context, data);
        using var saved = new MemoryStream();
        context.Model.Save(model, data.Schema, saved);

        using (var zip = new ZipArchive(new MemoryStream(saved.ToArray()), ZipArchiveMode.Read))
        {
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open(), System.Text.Encoding.Latin1);
                Assert.DoesNotContain("GanAugment", reader.ReadToEnd(), StringComparison.Ordinal);
            }
        }

        saved.Position = 0;
        var loaded = new MLContext(seed: 3).Model.Load(saved, out _);
        Assert.Equal(Scores(model.Transform(data)), Scores(loaded.Transform(data)));
    }

    [Theory]
    [InlineData("lbfgs")]
    [InlineData("sdca")]
    [InlineData("lightgbm")]
    public void Multiclass_trainers_learn_from_augmented_rows(string trainer)
    {
        var context = new MLContext(seed: 1);
        var data = MlData.Iris(context);
        IEstimator<ITransformer> estimator = trainer switch
        {
            "lbfgs" => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(),
            "sdca" => context.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 20),
            _ => context.MulticlassClassification.Trainers.LightGbm(
                minimumExampleCountPerLeaf: 5, numberOfIterations: 20),
        };
        var augmenting = context.Transforms.NormalizeMinMax("Features").AppendGanAugmentation(MlData.Options());

        var model = augmenting.Append(estimator).Fit(data);

        var metrics = context.MulticlassClassification.Evaluate(model.Transform(data));
        Assert.InRange(metrics.MacroAccuracy, 0.7, 1.0);
    }

    [Fact]
    public void LightGbm_binary_learns_from_augmented_rows()
    {
        var context = new MLContext(seed: 1);
        var data = MlData.BreastCancer(context);

        var model = context.Transforms.NormalizeMinMax("Features")
            .AppendGanAugmentation(MlData.Options())
            .Append(context.BinaryClassification.Trainers.LightGbm(numberOfIterations: 20))
            .Fit(data);

        Assert.InRange(context.BinaryClassification.Evaluate(model.Transform(data)).Accuracy, 0.8, 1.0);
    }

    [Fact]
    public void A_missing_label_column_fails_before_training_in_ML_NET_wording()
    {
        var context = new MLContext(seed: 1);
        var data = MlData.BreastCancer(context);
        var pipeline = context.Transforms.NormalizeMinMax("Features")
            .AppendGanAugmentation(MlData.Options("Outcome"))
            .Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: "Outcome"));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => pipeline.Fit(data));

        Assert.Contains("Could not find input column 'Outcome'", error.Message);
    }

    [Fact]
    public void A_numeric_label_is_refused_with_a_schema_mismatch()
    {
        var context = new MLContext(seed: 1);
        var data = context.Data.LoadFromEnumerable(
            Enumerable.Range(0, 20).Select(i => new Regression { X = i, Y = i }));
        var pipeline = context.Transforms.Concatenate("Features", "X")
            .AppendGanAugmentation(MlData.Options("Y"))
            .Append(context.Regression.Trainers.Sdca(labelColumnName: "Y"));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => pipeline.Fit(data));

        Assert.Contains("Schema mismatch for input column 'Y': expected Boolean, Key or String", error.Message);
    }

    [Fact]
    public void The_object_returned_before_Append_is_not_an_estimator()
    {
        var interfaces = typeof(GanAugmentationBuilder<>).GetInterfaces();

        Assert.DoesNotContain(interfaces, i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEstimator<>));
    }

    static long CountRows(IDataView view)
    {
        long rows = 0;
        using var cursor = view.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            rows++;
        }

        return rows;
    }

    static float[] Scores(IDataView scored) => scored.GetColumn<float>("Score").ToArray();

    sealed class Sample
    {
        [VectorType(30)]
        public float[] Features { get; set; } = [];
    }

    sealed class Prediction
    {
        public bool PredictedLabel { get; set; }
    }

    sealed class Regression
    {
        public float X { get; set; }

        public float Y { get; set; }
    }
}

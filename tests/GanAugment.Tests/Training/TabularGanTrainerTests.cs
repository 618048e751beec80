using GanAugment.Csv;
using GanAugment.Tabular;
using GanAugment.Training;
using GanAugment.Training.Tabular;
using static TorchSharp.torch;

namespace GanAugment.Tests.Training;

public sealed class TabularGanTrainerTests
{
    static readonly TabularGanOptions Small = new()
    {
        Epochs = 3,
        BatchSize = 50,
        GeneratorLayers = [32, 32],
        DiscriminatorLayers = [32, 32],
        Seed = 5,
        Device = "cpu",
    };

    static Table Iris() =>
        CsvTableReader.ReadFile(TestData.Dataset("iris"), new CsvReadOptions { CategoricalColumns = ["species"] });

    [Fact]
    public void The_same_seed_gives_identical_generator_weights_and_another_seed_does_not()
    {
        var table = Iris();

        using var first = new TabularGanTrainer(Small).Fit(table, "species");
        using var second = new TabularGanTrainer(Small).Fit(table, "species");
        using var other = new TabularGanTrainer(Small with { Seed = 6 }).Fit(table, "species");

        Assert.Equal(Weights(first), Weights(second));
        Assert.NotEqual(Weights(first), Weights(other));
    }

    [Fact]
    public void Training_reports_every_step_and_returns_one_summary_per_epoch()
    {
        var reports = new List<TrainingProgress>();
        var progress = new SynchronousProgress(reports.Add);

        using var trained = new TabularGanTrainer(Small).Fit(Iris(), "species", progress);

        Assert.Equal(Small.Epochs, trained.History.Count);
        Assert.Equal(Small.Epochs * (150 / Small.BatchSize), reports.Count);
        Assert.All(reports, r => Assert.True(double.IsFinite(r.GeneratorLoss) && double.IsFinite(r.DiscriminatorLoss)));
        Assert.Equal([1, 2, 3], trained.History.Select(h => h.Epoch));
    }

    [Fact]
    public void A_run_resumed_from_a_checkpoint_ends_exactly_where_an_uninterrupted_run_does()
    {
        var folder = TestData.NewTempFolder();
        var checkpoint = new CheckpointOptions(Path.Combine(folder, "run.ckpt"), EveryEpochs: 2);
        var table = Iris();
        var full = Small with { Epochs = 4 };

        using var uninterrupted = new TabularGanTrainer(full).Fit(table, "species");
        using (new TabularGanTrainer(Small with { Epochs = 2 }).Fit(table, "species", checkpoint: checkpoint))
        {
        }

        using var resumed = new TabularGanTrainer(full).Fit(table, "species", checkpoint: checkpoint);

        Assert.Equal(4, resumed.History.Count);
        Assert.Equal(Weights(uninterrupted), Weights(resumed));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_checkpoint_from_other_settings_is_refused_and_a_zero_interval_is_rejected_up_front()
    {
        var folder = TestData.NewTempFolder();
        var checkpoint = new CheckpointOptions(Path.Combine(folder, "run.ckpt"), EveryEpochs: 1);
        var table = Iris();
        using (new TabularGanTrainer(Small with { Epochs = 1 }).Fit(table, "species", checkpoint: checkpoint))
        {
        }

        var other = new TabularGanTrainer(Small with { Epochs = 2, Seed = 99 });
        var error = Assert.Throws<InvalidDataException>(() => other.Fit(table, "species", checkpoint: checkpoint));
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new TabularGanTrainer(Small).Fit(table, "species", checkpoint: checkpoint with { EveryEpochs = 0 }));

        Assert.Contains("other training settings", error.Message);
        Assert.Contains("\"Seed\":99", error.Message);
        Assert.Equal("checkpoint", zero.ParamName);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_diverging_run_stops_with_the_epoch_and_step_where_the_loss_stopped_being_finite()
    {
        var exploding = Small with { LearningRate = 1e38 };

        var error = Assert.Throws<TrainingDivergedException>(
            () => new TabularGanTrainer(exploding).Fit(Iris(), "species"));

        Assert.Equal(1, error.Epoch);
        Assert.Contains($"epoch {error.Epoch}, step {error.Step}", error.Message);
    }

    [Fact]
    public void Invalid_options_are_all_reported_at_once()
    {
        var options = Small with { BatchSize = 55, PacSize = 10, LearningRate = -1, Device = "tpu" };

        var error = Assert.Throws<ArgumentException>(() => new TabularGanTrainer(options));

        Assert.Contains("BatchSize is 55", error.Message);
        Assert.Contains("LearningRate is -1", error.Message);
        Assert.Contains("Device is 'tpu'", error.Message);
    }

    [Fact]
    public void Requesting_cuda_without_a_cuda_libtorch_fails_with_the_reason()
    {
        if (cuda.is_available())
        {
            return; // On a machine with CUDA this request is valid.
        }

        var error = Assert.Throws<InvalidOperationException>(
            () => new TabularGanTrainer(Small with { Device = "cuda" }).Fit(Iris(), "species"));

        Assert.Contains("no CUDA device", error.Message);
    }

    static float[] Weights(TrainedTabularGan trained) =>
        trained.Generator.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>.</summary>
    sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}

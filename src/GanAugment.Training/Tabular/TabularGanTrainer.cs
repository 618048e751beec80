using System.Diagnostics;
using GanAugment.Encoding;
using GanAugment.Tabular;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace GanAugment.Training.Tabular;

/// <summary>
/// Trains the conditional tabular GAN: CTGAN's mode-specific normalisation, conditional vector with
/// training-by-sampling, residual generator, PacGAN critic and WGAN-GP objective, with the label (when
/// given) as a condition of both networks on every step, never a generated column.
/// </summary>
/// <remarks>
/// Python CTGAN treats the label as one discrete column among many, so a row requested for a class
/// carries it only at chance rate. Here the label's one-hot class leads every conditional vector, the
/// generator is asked for a class and the critic judges each row together with the class it claims, so
/// the features must fit the class.
/// </remarks>
public sealed partial class TabularGanTrainer
{
    /// <summary>The random stream reserved for encoding the real rows (epochs use streams 1, 2, …).</summary>
    internal const ulong EncodingStream = 1UL << 40;

    /// <summary>libtorch's own thread count, read before anything in this process changes it.</summary>
    static readonly Lazy<int> LibTorchDefaultThreads = new(torch.get_num_threads);

    readonly TabularGanOptions _options;
    readonly ILogger _logger;

    /// <summary>Creates a trainer.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public TabularGanTrainer(TabularGanOptions? options = null, ILogger? logger = null)
    {
        _options = options ?? new TabularGanOptions();
        var problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid training options: " + string.Join(" ", problems), nameof(options));
        }

        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Fits the encoder and trains the GAN on <paramref name="table"/>.</summary>
    /// <param name="table">The real rows.</param>
    /// <param name="labelColumn">The label, a condition on every step; null to train without one.</param>
    /// <param name="progress">Receives a report after every step.</param>
    /// <param name="checkpoint">Where to save and resume training; null for none.</param>
    /// <param name="cancellationToken">Stops training between steps.</param>
    /// <exception cref="InvalidTrainingDataException">The table cannot be used.</exception>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite.</exception>
    public TrainedTabularGan Fit(
        Table table, string? labelColumn = null, IProgress<TrainingProgress>? progress = null,
        CheckpointOptions? checkpoint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (checkpoint is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(checkpoint.Path, nameof(checkpoint));
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(checkpoint.EveryEpochs, nameof(checkpoint));
        }

        // Set on every run (the setting is process-wide), so a run never inherits another run's thread count.
        torch.set_num_threads(_options.Threads > 0 ? _options.Threads : LibTorchDefaultThreads.Value);

        var encoding = TableEncoding.Fit(table, labelColumn, _options.Encoder);
        var encoded = encoding.Encode(table, new RandomSource(_options.Seed, EncodingStream));
        if (encoded.Rows < _options.PacSize)
        {
            throw new InvalidTrainingDataException(
                $"The table has {encoded.Rows} usable rows; at least the pac size ({_options.PacSize}) are needed.");
        }

        var device = ResolveDevice(_options.Device);
        _logger.LogInformation(
            "Training on {Device}: {Rows} rows, encoded width {Width}, conditional vector width {Condition}.",
            device, encoded.Rows, encoding.DataWidth, encoding.ConditionWidth);

        using var run = new TrainingRun(_options, encoding, encoded, device);
        var history = new List<EpochSummary>();
        var firstEpoch = 1;
        if (checkpoint is { ResumeIfPresent: true } && File.Exists(checkpoint.Path))
        {
            firstEpoch = Checkpoint.Load(checkpoint.Path, run, _options, history) + 1;
            _logger.LogInformation("Resumed from {Path} after epoch {Epoch}.", checkpoint.Path, firstEpoch - 1);
        }

        var clock = Stopwatch.StartNew();
        var offset = history.Count > 0 ? history[^1].Elapsed : TimeSpan.Zero;
        for (var epoch = firstEpoch; epoch <= _options.Epochs; epoch++)
        {
            var summary = run.TrainEpoch(epoch, progress, () => offset + clock.Elapsed, cancellationToken);
            history.Add(summary);
            _logger.LogInformation(
                "Epoch {Epoch}/{Epochs}: generator loss {GeneratorLoss:F4}, " +
                "discriminator loss {DiscriminatorLoss:F4}, " +
                "{Elapsed:F1} s.", epoch, _options.Epochs, summary.GeneratorLoss, summary.DiscriminatorLoss,
                summary.Elapsed.TotalSeconds);
            if (checkpoint is not null && (epoch % checkpoint.EveryEpochs == 0 || epoch == _options.Epochs))
            {
                Checkpoint.Save(checkpoint.Path, run, _options, epoch, history);
            }
        }

        return run.Finish(history);
    }

    static Device ResolveDevice(string device) => device switch
    {
        "auto" => cuda.is_available() ? CUDA : CPU,
        "cpu" => CPU,
        _ when !cuda.is_available() => throw new InvalidOperationException(
            $"Device '{device}' was requested, but TorchSharp sees no CUDA device. This build's libtorch is the " +
            "CPU one; reference a CUDA libtorch package to train on a GPU, or use device 'auto' or 'cpu'."),
        _ => torch.device(device),
    };
}

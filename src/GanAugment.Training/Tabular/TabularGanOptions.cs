using GanAugment.Encoding;

namespace GanAugment.Training.Tabular;

/// <summary>
/// Settings of the conditional tabular GAN. Every default is CTGAN's (sdv-dev/CTGAN) unless its remark
/// says otherwise; the command line reads its defaults from here.
/// </summary>
public sealed record TabularGanOptions
{
    /// <summary>Passes over the training rows. Default: 300.</summary>
    public int Epochs { get; init; } = 300;

    /// <summary>Rows per training step; must be a multiple of <see cref="PacSize"/>. Default: 500.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Width of the generator's noise input. Default: 128.</summary>
    public int NoiseWidth { get; init; } = 128;

    /// <summary>Output widths of the generator's residual blocks. Default: 256, 256.</summary>
    public IReadOnlyList<int> GeneratorLayers { get; init; } = [256, 256];

    /// <summary>Widths of the discriminator's hidden layers. Default: 256, 256.</summary>
    public IReadOnlyList<int> DiscriminatorLayers { get; init; } = [256, 256];

    /// <summary>Rows the discriminator scores together (PacGAN). Default: 10.</summary>
    public int PacSize { get; init; } = 10;

    /// <summary>Weight λ of the WGAN gradient penalty. Default: 10.</summary>
    public double GradientPenaltyWeight { get; init; } = 10;

    /// <summary>Adam learning rate of both networks. Default: 2e-4.</summary>
    public double LearningRate { get; init; } = 2e-4;

    /// <summary>Adam β₁. Default: 0.5.</summary>
    public double Beta1 { get; init; } = 0.5;

    /// <summary>Adam β₂. Default: 0.9.</summary>
    public double Beta2 { get; init; } = 0.9;

    /// <summary>Adam weight decay of both networks. Default: 1e-6.</summary>
    public double WeightDecay { get; init; } = 1e-6;

    /// <summary>Discriminator updates per generator update. Default: 1.</summary>
    public int DiscriminatorSteps { get; init; } = 1;

    /// <summary>Temperature τ of the Gumbel-softmax on generated one-hot groups. Default: 0.2.</summary>
    public double GumbelTemperature { get; init; } = 0.2;

    /// <summary>Slope of the discriminator's LeakyReLU. Default: 0.2.</summary>
    public double LeakySlope { get; init; } = 0.2;

    /// <summary>Dropout rate of the discriminator. Default: 0.5.</summary>
    public double Dropout { get; init; } = 0.5;

    /// <summary>
    /// Weight of the auxiliary classification loss that makes a row generated for a class look like that
    /// class; 0 turns the classifier off. Used only with a label. Default: 1 (not a CTGAN setting: CTGAN has
    /// no label, and its rows carry their class only at chance rate).
    /// </summary>
    public double ClassifierWeight { get; init; } = 1;

    /// <summary>Mode-specific normalisation settings. Default: CTGAN's.</summary>
    public EncoderOptions Encoder { get; init; } = new();

    /// <summary>The seed of every random source in training and encoding. Default: 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// TorchSharp device: <c>cpu</c>, <c>cuda</c>, or <c>auto</c> (CUDA when available). Default: auto.
    /// </summary>
    public string Device { get; init; } = "auto";

    /// <summary>
    /// CPU threads for TorchSharp; 0 leaves libtorch's default (one per core). Default: 0. On the two-core
    /// build machine, two threads trained Adult about 15 % faster than one (3.9–4.4 s against 4.7–5.2 s per
    /// epoch, alternating runs).
    /// </summary>
    public int Threads { get; init; }

    /// <summary>Returns every problem with these settings at once, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(Epochs >= 1, $"Epochs is {Epochs}; at least 1 is needed.");
        Check(PacSize >= 1, $"PacSize is {PacSize}; at least 1 is needed.");
        Check(BatchSize >= 2 && PacSize >= 1 && BatchSize % PacSize == 0,
            $"BatchSize is {BatchSize}; it must be at least 2 and a multiple of PacSize ({PacSize}).");
        Check(NoiseWidth >= 1, $"NoiseWidth is {NoiseWidth}; at least 1 is needed.");
        Check(GeneratorLayers.All(w => w >= 1), "Every generator layer width must be at least 1.");
        Check(DiscriminatorLayers.All(w => w >= 1), "Every discriminator layer width must be at least 1.");
        Check(GradientPenaltyWeight >= 0, $"GradientPenaltyWeight is {GradientPenaltyWeight}; it cannot be negative.");
        Check(LearningRate > 0, $"LearningRate is {LearningRate}; it must be positive.");
        Check(Beta1 is >= 0 and < 1 && Beta2 is >= 0 and < 1, "Beta1 and Beta2 must lie in [0, 1).");
        Check(WeightDecay >= 0, $"WeightDecay is {WeightDecay}; it cannot be negative.");
        Check(ClassifierWeight >= 0, $"ClassifierWeight is {ClassifierWeight}; it cannot be negative.");
        Check(DiscriminatorSteps >= 1, $"DiscriminatorSteps is {DiscriminatorSteps}; at least 1 is needed.");
        Check(GumbelTemperature > 0, $"GumbelTemperature is {GumbelTemperature}; it must be positive.");
        Check(Dropout is >= 0 and < 1, $"Dropout is {Dropout}; it must lie in [0, 1).");
        Check(Device is "auto" or "cpu" or "cuda" || Device.StartsWith("cuda:", StringComparison.Ordinal),
            $"Device is '{Device}'; use auto, cpu, cuda or cuda:N.");
        Check(Threads >= 0, $"Threads is {Threads}; it cannot be negative.");
        return problems;
    }
}

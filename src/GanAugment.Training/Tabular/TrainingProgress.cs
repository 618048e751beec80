namespace GanAugment.Training.Tabular;

/// <summary>Where training stands after a step.</summary>
/// <param name="Epoch">The 1-based epoch.</param>
/// <param name="Epochs">The epochs planned.</param>
/// <param name="Step">The 1-based step within the epoch.</param>
/// <param name="StepsPerEpoch">Steps in one epoch.</param>
/// <param name="GeneratorLoss">The generator's last loss.</param>
/// <param name="DiscriminatorLoss">The discriminator's last Wasserstein loss, without the gradient penalty.</param>
/// <param name="Elapsed">Time since training started.</param>
public sealed record TrainingProgress(
    int Epoch, int Epochs, int Step, int StepsPerEpoch, double GeneratorLoss, double DiscriminatorLoss,
    TimeSpan Elapsed);

/// <summary>The mean losses of one epoch.</summary>
/// <param name="Epoch">The 1-based epoch.</param>
/// <param name="GeneratorLoss">The generator's mean loss over the epoch.</param>
/// <param name="DiscriminatorLoss">The discriminator's mean loss over the epoch.</param>
/// <param name="Elapsed">Time since training started, at the epoch's end.</param>
public sealed record EpochSummary(int Epoch, double GeneratorLoss, double DiscriminatorLoss, TimeSpan Elapsed);

namespace GanAugment.Training;

/// <summary>A loss became NaN or infinite; training stopped where it happened.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainingDivergedException(int epoch, int step, string loss)
        : base($"Training diverged: the {loss} loss is not a finite number at epoch {epoch}, step {step}. " +
            "Try a lower learning rate or a larger batch.")
    {
        Epoch = epoch;
        Step = step;
    }

    /// <summary>The 1-based epoch.</summary>
    public int Epoch { get; }

    /// <summary>The 1-based step within the epoch.</summary>
    public int Step { get; }
}

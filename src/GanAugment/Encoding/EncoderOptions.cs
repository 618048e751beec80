namespace GanAugment.Encoding;

/// <summary>Settings of mode-specific normalisation; the defaults are CTGAN's.</summary>
public sealed record EncoderOptions
{
    /// <summary>The most modes a numeric column may get. Default: 10.</summary>
    public int MaxModes { get; init; } = 10;

    /// <summary>The Dirichlet-process weight concentration prior. Default: 0.001.</summary>
    public double WeightConcentration { get; init; } = 1e-3;

    /// <summary>Modes at or below this weight are dropped after fitting. Default: 0.005.</summary>
    public double MinModeWeight { get; init; } = 0.005;
}

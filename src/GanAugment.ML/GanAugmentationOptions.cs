using GanAugment.Sampling;
using GanAugment.Training.Tabular;

namespace GanAugment.ML;

/// <summary>What <c>AppendGanAugmentation</c> adds to the trainer's data, and how its GAN is obtained.</summary>
public sealed record GanAugmentationOptions
{
    /// <summary>The label column: a boolean, key or text column. Default: <c>Label</c>.</summary>
    public string LabelColumnName { get; init; } = "Label";

    /// <summary>
    /// Synthetic rows to add, as a multiple of the real rows. With <see cref="BalanceClasses"/> they go to the
    /// classes with fewest rows first. Ignored when <see cref="RowsPerClass"/> is set. Default: 1.
    /// </summary>
    public double SyntheticRatio { get; init; } = 1;

    /// <summary>
    /// True to give the synthetic rows to the smallest classes first (raising them towards a common level);
    /// false to share them in proportion to the classes' sizes. Default: true.
    /// </summary>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>
    /// Exact synthetic rows per class (class as written in the data); overrides the ratio. Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, int>? RowsPerClass { get; init; }

    /// <summary>A trained package (.gan) to sample instead of training a GAN in <c>Fit</c>. Default: none.</summary>
    public string? ModelPath { get; init; }

    /// <summary>
    /// The GAN's training settings when it is trained in <c>Fit</c>;
    /// its seed is replaced by <see cref="Seed"/>.
    /// </summary>
    public TabularGanOptions Training { get; init; } = new();

    /// <summary>Where ONNX Runtime samples. Default: <see cref="DeviceChoice.Auto"/>.</summary>
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>The seed of training and sampling; null draws one from the <c>MLContext</c>. Default: null.</summary>
    public int? Seed { get; init; }
}

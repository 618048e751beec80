using GanAugment.Examples.ScarceLabels;

namespace GanAugment.Tests.ML;

/// <summary>The scarce-labels example runs end to end at small size (it also runs at full size by hand).</summary>
public sealed class ScarceLabelsExampleTests
{
    [Fact]
    public void The_example_compares_all_four_arms_and_reports_label_consistency()
    {
        var output = new StringWriter();
        var settings = new ExampleSettings { Data = "wine", Label = "cultivar", Labelled = 5, Seeds = 1, Epochs = 5 };

        var code = ScarceLabelsExample.Run(settings, output);

        var text = output.ToString();
        Assert.Equal(0, code);
        foreach (var arm in new[] { "baseline", "random oversampling", "SMOTE", "GAN augmentation" })
        {
            Assert.Matches($@"lbfgs\s+{arm}\s+[01]\.\d{{3}} ± 0\.000", text);
        }

        Assert.Contains("GAN label consistency", text);
    }
}

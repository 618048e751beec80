namespace GanAugment.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class EvaluateCommandTests(PenguinsModelFixture model)
{
    [Fact]
    public void Evaluate_reports_fidelity_usefulness_and_label_consistency_for_every_class()
    {
        var penguins = TestData.Dataset("penguins");

        var run = CliRun.Invoke("evaluate", "--model", model.PackagePath, "--real", penguins, "--test", penguins,
            "--rows", "500", "--rows-per-class", "200", "--seed", "4");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("column shapes", run.Output);
        Assert.Matches(@"trained on real rows\s+macro-F1 0\.\d{3}", run.Output);
        Assert.Matches(@"trained on synthetic rows\s+macro-F1 0\.\d{3}", run.Output);
        foreach (var species in new[] { "Adelie", "Chinstrap", "Gentoo" })
        {
            Assert.Matches(
                $@"{species}\s+rows sampled for it \d+\.\d %\s+real held-out rows of it \d+\.\d %",
                run.Output);
        }
    }

    [Fact]
    public void Evaluate_refuses_held_out_labels_the_model_never_saw()
    {
        var folder = TestData.NewTempFolder();
        var test = Path.Combine(folder, "test.csv");
        File.WriteAllLines(test, File.ReadLines(TestData.Dataset("penguins")).Take(3)
            .Select((line, i) => i == 0 ? line : line.Replace("Adelie", "Emperor", StringComparison.Ordinal)));

        var run = CliRun.Invoke("evaluate", "--model", model.PackagePath, "--real", TestData.Dataset("penguins"),
            "--test", test, "--rows", "200", "--rows-per-class", "50");

        run.AssertFailed(2, "'Emperor'", "Adelie, Chinstrap, Gentoo");
        Directory.Delete(folder, recursive: true);
    }
}

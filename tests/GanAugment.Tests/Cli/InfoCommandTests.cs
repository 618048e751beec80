namespace GanAugment.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class InfoCommandTests
{
    readonly PenguinsModelFixture _model;

    public InfoCommandTests(PenguinsModelFixture model)
    {
        _model = model;
    }

    [Fact]
    public void Info_on_a_good_package_prints_the_label_and_every_column()
    {
        var run = CliRun.Invoke("info", _model.PackagePath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, line => line.StartsWith("label: species (Adelie: ", StringComparison.Ordinal));
        foreach (var column in _model.Table.Columns)
        {
            Assert.Contains(lines, line => line.StartsWith(column.Name + " ", StringComparison.Ordinal));
        }
    }
}

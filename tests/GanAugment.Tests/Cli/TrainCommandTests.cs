using GanAugment.Cli;

namespace GanAugment.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class TrainCommandTests : IDisposable
{
    const string IrisHeader = "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species";

    readonly string _folder = TestData.NewTempFolder();
    readonly string _outFolder;
    readonly string _out;

    public TrainCommandTests()
    {
        _outFolder = Directory.CreateDirectory(Path.Combine(_folder, "out")).FullName;
        _out = Path.Combine(_outFolder, "model.gan");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Training_on_iris_writes_a_package_and_prints_a_fidelity_summary()
    {
        var run = Train(TestData.Dataset("iris"), "species", "--epochs", "2", "--batch-size", "50",
            "--report-rows", "200");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.True(File.Exists(_out));
        Assert.Equal([_out], Directory.GetFileSystemEntries(_outFolder));
        Assert.Contains("Fidelity", run.Output);
        Assert.Contains("Sampled 200 rows", run.Output);
    }

    [Fact]
    public void A_ragged_row_fails_with_its_line_and_writes_nothing()
    {
        var data = WriteData(IrisHeader, "5.1,3.5,1.4,0.2,setosa", "4.9,3.0,1.4,0.2,setosa,extra",
            "6.3,3.3,6.0,2.5,virginica");

        var run = Train(data, "species");

        run.AssertFailed(CommandLine.BadInput, "line 3", "expected 5 fields", "found 6");
        AssertNothingWritten();
    }

    [Fact]
    public void An_empty_data_file_fails_as_empty_and_writes_nothing()
    {
        var data = WriteData();

        var run = Train(data, "species");

        run.AssertFailed(CommandLine.BadInput, "data.csv", "empty");
        AssertNothingWritten();
    }

    [Fact]
    public void An_unknown_label_fails_and_lists_the_columns()
    {
        var run = Train(TestData.Dataset("iris"), "variety");

        run.AssertFailed(CommandLine.BadInput, "Unknown label column 'variety'", IrisHeader.Replace(",", ", "));
        AssertNothingWritten();
    }

    [Fact]
    public void A_column_with_only_missing_values_fails_and_names_the_column()
    {
        var data = WriteData(IrisHeader + ",notes", "5.1,3.5,1.4,0.2,setosa,", "6.3,3.3,6.0,2.5,virginica,",
            "4.9,3.0,1.4,0.2,setosa,");

        var run = Train(data, "species");

        run.AssertFailed(CommandLine.BadInput, "column 'notes' has only missing values");
        AssertNothingWritten();
    }

    [Fact]
    public void A_nan_in_a_numeric_column_fails_with_its_line_column_and_value()
    {
        var data = WriteData(IrisHeader, "5.1,3.5,1.4,0.2,setosa", "6.3,3.3,6.0,2.5,virginica",
            "4.9,NaN,1.4,0.2,setosa");

        var run = Train(data, "species");

        run.AssertFailed(CommandLine.BadInput, "line 4", "column 'sepal_width_cm'", "'NaN'", "not a finite number");
        AssertNothingWritten();
    }

    [Fact]
    public void A_label_with_only_one_class_fails_and_names_the_class()
    {
        var data = WriteData(IrisHeader, "5.1,3.5,1.4,0.2,setosa", "4.9,3.0,1.4,0.2,setosa",
            "4.7,3.2,1.3,0.2,setosa");

        var run = Train(data, "species");

        run.AssertFailed(CommandLine.BadInput, "Label column 'species' has only one class ('setosa')");
        AssertNothingWritten();
    }

    CliRun Train(string data, string label, params string[] extra) =>
        CliRun.Invoke(["train", "--data", data, "--label", label, "--out", _out, "--seed", "3", "--device", "cpu",
            "--quiet", .. extra]);

    string WriteData(params string[] lines)
    {
        var path = Path.Combine(_folder, "data.csv");
        File.WriteAllText(path, lines.Length == 0 ? "" : string.Join('\n', lines) + "\n");
        return path;
    }

    void AssertNothingWritten()
    {
        Assert.False(File.Exists(_out));
        Assert.Empty(Directory.GetFileSystemEntries(_outFolder));
    }
}

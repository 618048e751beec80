using GanAugment.Cli;
using GanAugment.Tests.Packaging;

namespace GanAugment.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class SampleCommandTests : IDisposable
{
    readonly PenguinsModelFixture _model;
    readonly string _folder = TestData.NewTempFolder();
    readonly string _outFolder;
    readonly string _out;

    public SampleCommandTests(PenguinsModelFixture model)
    {
        _model = model;
        _outFolder = Directory.CreateDirectory(Path.Combine(_folder, "out")).FullName;
        _out = Path.Combine(_outFolder, "synthetic.csv");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Sampling_writes_a_header_and_the_requested_rows()
    {
        var run = Sample(_model.PackagePath, "--rows", "300");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var lines = File.ReadAllLines(_out);
        Assert.Equal(1 + 300, lines.Length);
        Assert.Equal(File.ReadLines(TestData.Dataset("penguins")).First(), lines[0]);
        Assert.Equal([_out], Directory.GetFileSystemEntries(_outFolder));
        Assert.Contains("Wrote 300 rows", run.Output);
    }

    [Fact]
    public void Sampling_from_a_truncated_package_fails_as_a_bad_package_and_writes_nothing()
    {
        var package = Path.Combine(_folder, "truncated.gan");
        PackageFile.Truncate(_model.PackagePath, package);

        var run = Sample(package, "--rows", "10");

        run.AssertFailed(CommandLine.BadPackage, "'truncated.gan' is not a readable GanAugment package");
        AssertNothingWritten();
    }

    [Fact]
    public void Sampling_from_a_tampered_package_fails_as_corrupt_and_writes_nothing()
    {
        var package = Path.Combine(_folder, "tampered.gan");
        PackageFile.Rewrite(_model.PackagePath, package, entries =>
            PackageFile.EditManifest(entries, manifest => manifest["createdBy"] = "someone else"));

        var run = Sample(package, "--rows", "10");

        run.AssertFailed(CommandLine.BadPackage, "'tampered.gan' is corrupt or was modified");
        AssertNothingWritten();
    }

    [Fact]
    public void Sampling_with_an_unknown_condition_value_fails_and_lists_the_values()
    {
        var run = Sample(_model.PackagePath, "--rows", "10", "--condition", "species=Emperor");

        run.AssertFailed(CommandLine.BadInput, "no value 'Emperor'", "Adelie, Chinstrap, Gentoo");
        AssertNothingWritten();
    }

    CliRun Sample(string package, params string[] extra) =>
        CliRun.Invoke(["sample", "--model", package, "--out", _out, "--seed", "7", "--device", "cpu", "--quiet",
            .. extra]);

    void AssertNothingWritten()
    {
        Assert.False(File.Exists(_out));
        Assert.Empty(Directory.GetFileSystemEntries(_outFolder));
    }
}

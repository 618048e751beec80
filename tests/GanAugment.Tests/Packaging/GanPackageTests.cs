using GanAugment.Packaging;

namespace GanAugment.Tests.Packaging;

[Collection(PenguinsModelCollection.Name)]
public sealed class GanPackageTests : IDisposable
{
    readonly PenguinsModelFixture _model;
    readonly string _folder = TestData.NewTempFolder();

    public GanPackageTests(PenguinsModelFixture model)
    {
        _model = model;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Writing_and_reading_a_package_keeps_its_manifest_and_model_bytes()
    {
        var original = GanPackage.Read(_model.PackagePath);
        var path = Path.Combine(_folder, "copy.gan");

        original.Write(path);
        var copy = GanPackage.Read(path);

        Assert.Equal(original.Model, copy.Model);
        Assert.Equal(original.Manifest.Generator, copy.Manifest.Generator);
        Assert.Equal(original.Manifest.FormatVersion, copy.Manifest.FormatVersion);
        Assert.Equal(original.Manifest.GeneratorKind, copy.Manifest.GeneratorKind);
        Assert.Equal(original.Manifest.CreatedBy, copy.Manifest.CreatedBy);
        Assert.Equal(original.Manifest.Training, copy.Manifest.Training);
        Assert.Equal(
            original.Manifest.Encoding.Columns.Select(c => (c.Name, c.Kind, c.IsLabel)),
            copy.Manifest.Encoding.Columns.Select(c => (c.Name, c.Kind, c.IsLabel)));
        Assert.Equal(original.Manifest.Encoding.ClassCounts, copy.Manifest.Encoding.ClassCounts);

        // The manifest serialises to the same bytes, so nothing in it was lost or changed.
        Assert.Equal(
            PackageFile.ReadEntries(_model.PackagePath)[GanPackage.ManifestEntry],
            PackageFile.ReadEntries(path)[GanPackage.ManifestEntry]);
    }

    [Fact]
    public void A_package_created_in_memory_with_inconsistent_widths_is_refused()
    {
        var original = GanPackage.Read(_model.PackagePath);
        var manifest = original.Manifest with
        {
            Generator = original.Manifest.Generator with { OutputWidth = original.Manifest.Generator.OutputWidth + 1 },
        };

        var error = Assert.Throws<ModelPackageException>(() => new GanPackage(manifest, original.Model));

        Assert.Contains("do not match the encoder", error.Message);
    }

    [Fact]
    public void Writing_a_package_leaves_no_temporary_file_in_the_folder()
    {
        var package = GanPackage.Read(_model.PackagePath);
        var path = Path.Combine(_folder, "model.gan");

        package.Write(path);
        package.Write(path);

        Assert.Equal([path], Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void A_truncated_package_is_refused_as_unreadable()
    {
        var path = Path.Combine(_folder, "truncated.gan");
        PackageFile.Truncate(_model.PackagePath, path);

        var error = Assert.Throws<ModelPackageException>(() => GanPackage.Read(path));

        Assert.Contains("'truncated.gan' is not a readable GanAugment package", error.Message);
    }

    [Fact]
    public void A_package_whose_manifest_was_edited_without_its_checksum_is_refused_as_corrupt_or_modified()
    {
        var path = Path.Combine(_folder, "edited.gan");
        PackageFile.Rewrite(_model.PackagePath, path, entries =>
            PackageFile.EditManifest(entries, manifest => manifest["createdBy"] = "someone else"));

        var error = Assert.Throws<ModelPackageException>(() => GanPackage.Read(path));

        Assert.Contains("corrupt or was modified", error.Message);
        Assert.Contains(GanPackage.ManifestEntry, error.Message);
    }

    [Fact]
    public void A_package_in_a_newer_format_is_refused_with_advice_to_upgrade()
    {
        var path = Path.Combine(_folder, "future.gan");
        PackageFile.Rewrite(_model.PackagePath, path, entries =>
        {
            PackageFile.EditManifest(entries, manifest => manifest["formatVersion"] = 2);
            PackageFile.RecomputeChecksums(entries);
        });

        var error = Assert.Throws<ModelPackageException>(() => GanPackage.Read(path));

        Assert.Contains("package format 2", error.Message);
        Assert.Contains("Upgrade GanAugment", error.Message);
    }

    [Fact]
    public void A_package_whose_model_was_swapped_with_matching_checksums_is_refused()
    {
        var path = Path.Combine(_folder, "swapped.gan");
        PackageFile.Rewrite(_model.PackagePath, path, entries =>
        {
            var model = entries[GanPackage.ModelEntry];
            model[^1] ^= 0xFF;
            PackageFile.RecomputeChecksums(entries);
        });

        var error = Assert.Throws<ModelPackageException>(() => GanPackage.Read(path));

        Assert.Contains("inconsistent", error.Message);
        Assert.Contains("different model", error.Message);
    }

    [Fact]
    public void A_package_with_an_extra_entry_is_refused_and_the_entries_are_named()
    {
        var path = Path.Combine(_folder, "extra.gan");
        PackageFile.Rewrite(
            _model.PackagePath, path, entries => entries["payload.sh"] = "echo hi\n"u8.ToArray());

        var error = Assert.Throws<ModelPackageException>(() => GanPackage.Read(path));

        Assert.Contains("not a GanAugment package", error.Message);
        Assert.Contains("payload.sh", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused_as_unreadable()
    {
        var path = Path.Combine(_folder, "notes.gan");
        File.WriteAllText(path, "species,island\nAdelie,Dream\n");

        var error = Assert.Throws<ModelPackageException>(() => GanPackage.Read(path));

        Assert.Contains("'notes.gan' is not a readable GanAugment package", error.Message);
    }
}

using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GanAugment.Packaging;

/// <summary>
/// A trained generator in one file: a zip holding <c>manifest.json</c>, the ONNX graph
/// <c>model.onnx</c> and <c>SHA256SUMS</c> with both files' hashes. Reading a package needs ONNX
/// Runtime only, never TorchSharp.
/// </summary>
/// <remarks>
/// A package is untrusted input. <see cref="Read(string)"/> checks the entry list, sizes, hashes,
/// format version and every encoder parameter before anything is used, and throws
/// <see cref="ModelPackageException"/> on the first problem. The hashes catch corruption and careless
/// edits; they are not a signature.
/// </remarks>
public sealed class GanPackage
{
    /// <summary>The manifest's entry name.</summary>
    public const string ManifestEntry = "manifest.json";

    /// <summary>The ONNX model's entry name.</summary>
    public const string ModelEntry = "model.onnx";

    /// <summary>The checksum list's entry name.</summary>
    public const string ChecksumEntry = "SHA256SUMS";

    const long MaxManifestBytes = 64L << 20;
    const long MaxModelBytes = 2L << 30;

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectNullableAnnotations = true,
    };

    /// <summary>Creates a package in memory, checking that the manifest is consistent.</summary>
    /// <exception cref="ModelPackageException">The manifest's encoder or generator widths are invalid.</exception>
    public GanPackage(PackageManifest manifest, byte[] model)
        : this(manifest, model, "package")
    {
    }

    GanPackage(PackageManifest manifest, byte[] model, string name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            ValidateSignature(manifest);
        }
        catch (FormatException e)
        {
            throw new ModelPackageException($"'{name}' has an invalid manifest: {e.Message}", e);
        }

        Manifest = manifest;
        Model = model;
    }

    /// <summary>The manifest.</summary>
    public PackageManifest Manifest { get; }

    /// <summary>The ONNX model's bytes.</summary>
    public byte[] Model { get; }

    /// <summary>The lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// Writes the package to <paramref name="path"/> through a temporary file in the same folder, so a
    /// failure never leaves a partial package behind.
    /// </summary>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, WriteTo);
    }

    /// <summary>Writes the package as a zip to <paramref name="destination"/>.</summary>
    public void WriteTo(Stream destination)
    {
        var manifest = JsonSerializer.SerializeToUtf8Bytes(Manifest, Json);
        var sums = $"{Sha256(manifest)}  {ManifestEntry}\n{Sha256(Model)}  {ModelEntry}\n";
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        AddEntry(zip, ManifestEntry, manifest);
        AddEntry(zip, ModelEntry, Model);
        AddEntry(zip, ChecksumEntry, System.Text.Encoding.ASCII.GetBytes(sums));
    }

    /// <summary>Reads and validates the package at <paramref name="path"/>.</summary>
    /// <exception cref="ModelPackageException">
    /// The package is unreadable, corrupt, tampered with or too new.
    /// </exception>
    public static GanPackage Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model package '{path}' does not exist.", path);
        }

        using var file = File.OpenRead(path);
        return Read(file, Path.GetFileName(path));
    }

    /// <summary>
    /// Reads and validates a package from <paramref name="source"/>;
    /// <paramref name="name"/> names it in errors.
    /// </summary>
    public static GanPackage Read(Stream source, string name = "package")
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            using var zip = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray();
            string[] expected = [ChecksumEntry, ManifestEntry, ModelEntry];
            if (!entries.SequenceEqual(expected.Order(StringComparer.Ordinal)))
            {
                throw new ModelPackageException(
                    $"'{name}' is not a GanAugment package: expected the entries {string.Join(", ", expected)}, " +
                    $"found {(entries.Length == 0 ? "none" : string.Join(", ", entries))}.");
            }

            var manifestBytes = ReadEntry(zip, ManifestEntry, MaxManifestBytes, name);
            var model = ReadEntry(zip, ModelEntry, MaxModelBytes, name);
            var sums = ParseChecksums(ReadEntry(zip, ChecksumEntry, 4096, name), name);
            CheckHash(sums, ManifestEntry, manifestBytes, name);
            CheckHash(sums, ModelEntry, model, name);

            var manifest = ParseManifest(manifestBytes, name);
            if (!string.Equals(manifest.Generator.ModelSha256, Sha256(model), StringComparison.Ordinal))
            {
                throw new ModelPackageException(
                    $"'{name}' is inconsistent: the manifest names a different model than the one it holds.");
            }

            return new GanPackage(manifest, model, name);
        }
        catch (InvalidDataException e)
        {
            throw new ModelPackageException($"'{name}' is not a readable GanAugment package: {e.Message}", e);
        }
    }

    static PackageManifest ParseManifest(byte[] bytes, string name)
    {
        PackageManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PackageManifest>(bytes, Json);
        }
        catch (JsonException e)
        {
            throw new ModelPackageException($"'{name}' has an unreadable manifest ({e.Path}): {e.Message}", e);
        }

        if (manifest is null || manifest.Format != PackageManifest.FormatName)
        {
            throw new ModelPackageException($"'{name}' is not a GanAugment package: its manifest has another format.");
        }

        if (manifest.FormatVersion > PackageManifest.CurrentFormatVersion)
        {
            throw new ModelPackageException(
                $"'{name}' was written in package format {manifest.FormatVersion} by {manifest.CreatedBy}; this " +
                $"build reads format {PackageManifest.CurrentFormatVersion} and older. Upgrade GanAugment to use it.");
        }

        if (manifest.FormatVersion < 1)
        {
            throw new ModelPackageException($"'{name}' declares an invalid format version {manifest.FormatVersion}.");
        }

        return manifest;
    }

    static void ValidateSignature(PackageManifest manifest)
    {
        var generator = manifest.Generator ?? throw new FormatException("the generator signature is missing.");
        if (manifest.Encoding is null)
        {
            throw new FormatException("the encoder is missing.");
        }

        if (generator.NoiseWidth is < 1 or > 65536 || generator.ConditionWidth < 0 || generator.OutputWidth < 1)
        {
            throw new FormatException("the generator's widths are out of range.");
        }

        manifest.Encoding.Validate();
        if (generator.OutputWidth != manifest.Encoding.DataWidth ||
            generator.ConditionWidth != manifest.Encoding.ConditionWidth)
        {
            throw new FormatException(
                $"the generator's widths (output {generator.OutputWidth}, condition {generator.ConditionWidth}) do " +
                $"not match the encoder's ({manifest.Encoding.DataWidth}, {manifest.Encoding.ConditionWidth}).");
        }
    }

    static Dictionary<string, string> ParseChecksums(byte[] bytes, string name)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split("  ", 2);
            if (parts.Length != 2 || parts[0].Length != 64)
            {
                throw new ModelPackageException($"'{name}' has a malformed {ChecksumEntry} line: '{line}'.");
            }

            sums[parts[1]] = parts[0];
        }

        return sums;
    }

    static void CheckHash(Dictionary<string, string> sums, string entry, byte[] bytes, string name)
    {
        if (!sums.TryGetValue(entry, out var expected))
        {
            throw new ModelPackageException($"'{name}' lists no checksum for {entry}.");
        }

        if (!string.Equals(expected, Sha256(bytes), StringComparison.Ordinal))
        {
            throw new ModelPackageException(
                $"'{name}' is corrupt or was modified: the SHA-256 of {entry} does not match {ChecksumEntry}.");
        }
    }

    static byte[] ReadEntry(ZipArchive zip, string entryName, long limit, string name)
    {
        var entry = zip.GetEntry(entryName)!;
        if (entry.Length > limit)
        {
            throw new ModelPackageException(
                $"'{name}': {entryName} declares {entry.Length} bytes; at most {limit} allowed.");
        }

        using var stream = entry.Open();
        using var buffer = new MemoryStream((int)Math.Max(entry.Length, 0));
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new ModelPackageException($"'{name}': {entryName} is larger than the {limit} bytes allowed.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    static void AddEntry(ZipArchive zip, string name, byte[] bytes)
    {
        // A fixed timestamp keeps a package's bytes a function of its content.
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}

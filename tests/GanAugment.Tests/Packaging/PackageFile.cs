using System.IO.Compression;
using System.Text.Json.Nodes;
using GanAugment.Packaging;

namespace GanAugment.Tests.Packaging;

/// <summary>
/// Opens a package's zip by hand, the way a careless editor or a corrupting disk would, so that tests
/// can build damaged and tampered packages without going through <see cref="GanPackage"/>.
/// </summary>
internal static class PackageFile
{
    /// <summary>Every entry of the zip at <paramref name="path"/>, by name, in the zip's order.</summary>
    public static Dictionary<string, byte[]> ReadEntries(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            entries[entry.FullName] = buffer.ToArray();
        }

        return entries;
    }

    /// <summary>Writes <paramref name="entries"/> as a fresh zip at <paramref name="path"/>.</summary>
    public static void WriteEntries(string path, IReadOnlyDictionary<string, byte[]> entries)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(bytes);
        }
    }

    /// <summary>Copies the package at <paramref name="source"/> to <paramref name="destination"/>, edited.</summary>
    public static void Rewrite(string source, string destination, Action<Dictionary<string, byte[]>> edit)
    {
        var entries = ReadEntries(source);
        edit(entries);
        WriteEntries(destination, entries);
    }

    /// <summary>Replaces the manifest with an edited copy of its JSON.</summary>
    public static void EditManifest(Dictionary<string, byte[]> entries, Action<JsonObject> edit)
    {
        var manifest = JsonNode.Parse(entries[GanPackage.ManifestEntry])!.AsObject();
        edit(manifest);
        entries[GanPackage.ManifestEntry] = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }

    /// <summary>Rewrites SHA256SUMS so that it matches the current manifest and model.</summary>
    public static void RecomputeChecksums(Dictionary<string, byte[]> entries)
    {
        var sums = $"{GanPackage.Sha256(entries[GanPackage.ManifestEntry])}  {GanPackage.ManifestEntry}\n" +
            $"{GanPackage.Sha256(entries[GanPackage.ModelEntry])}  {GanPackage.ModelEntry}\n";
        entries[GanPackage.ChecksumEntry] = System.Text.Encoding.ASCII.GetBytes(sums);
    }

    /// <summary>Keeps only the first half of the file's bytes, as an interrupted copy would.</summary>
    public static void Truncate(string source, string destination)
    {
        var bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(destination, bytes[..(bytes.Length / 2)]);
    }
}

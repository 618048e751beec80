namespace GanAugment;

/// <summary>
/// Writes files through a temporary file in the destination's folder that is renamed into place only when
/// complete, so a failure never leaves a partial file behind.
/// </summary>
internal static class AtomicFile
{
    /// <summary>A fresh hidden temporary path beside <paramref name="destination"/> (a full path).</summary>
    public static string TemporaryBeside(string destination) =>
        Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");

    /// <summary>Creates <paramref name="path"/> with what <paramref name="write"/> writes, or leaves it untouched.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = TemporaryBeside(full);
        try
        {
            using (var file = File.Create(temporary))
            {
                write(file);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

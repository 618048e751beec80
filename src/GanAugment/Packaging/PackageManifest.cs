using GanAugment.Encoding;

namespace GanAugment.Packaging;

/// <summary>The description of a model package, stored in it as <c>manifest.json</c>.</summary>
public sealed record PackageManifest
{
    /// <summary>The value of <see cref="Format"/> in every GanAugment package.</summary>
    public const string FormatName = "gan-augment-package";

    /// <summary>The format version this build writes and the newest it reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>The format version the package was written in.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The kind of generator, for example <c>tabular-conditional-gan</c>.</summary>
    public required string GeneratorKind { get; init; }

    /// <summary>The library and version that wrote the package.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>The generator graph's contract.</summary>
    public required GeneratorSignature Generator { get; init; }

    /// <summary>The fitted encoder: column schema, class labels, modes and category counts.</summary>
    public required TableEncoding Encoding { get; init; }

    /// <summary>The training settings and outcome, as name–value text pairs.</summary>
    public IReadOnlyDictionary<string, string> Training { get; init; } = new Dictionary<string, string>();
}

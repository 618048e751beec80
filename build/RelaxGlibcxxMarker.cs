using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Lets glibc's loader accept a shared library whose only GLIBCXX_3.4.32 need is GCC 13's
/// <c>_ZSt21ios_base_library_initv</c> marker, on systems whose libstdc++ stops before 3.4.32.
/// </summary>
/// <remarks>
/// Two bytes change: the <c>Elf64_Vernaux</c> entry for GLIBCXX_3.4.32 gets VER_FLG_WEAK, and the
/// marker's <c>.gnu.version</c> slot becomes 1 (global). The task refuses, changing nothing, when any
/// other symbol or any relocation uses that version, and it is idempotent.
/// </remarks>
public sealed class RelaxGlibcxxMarker : Task
{
    const string NeededVersion = "GLIBCXX_3.4.32";
    const string MarkerSymbol = "_ZSt21ios_base_library_initv";
    const uint ShtDynsym = 11;
    const uint ShtRela = 4;
    const uint ShtRel = 9;
    const uint ShtGnuVerneed = 0x6ffffffe;
    const uint ShtGnuVersym = 0x6fffffff;
    const ushort VerFlagWeak = 0x2;
    const ushort VersionGlobal = 1;

    static readonly string[] LibStdCxxLocations =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
    };

    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        if (SystemLibStdCxxHasNeededVersion())
        {
            Log.LogMessage(MessageImportance.Low, $"libstdc++ provides {NeededVersion}; nothing to relax.");
            return true;
        }

        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                var outcome = Relax(path);
                Log.LogMessage(MessageImportance.Normal, $"{path}: {outcome}");
            }
            catch (InvalidDataException e)
            {
                Log.LogError($"Cannot relax the {NeededVersion} marker in '{path}': {e.Message} " +
                    "The file was left unchanged; TorchSharp will not load on this system until " +
                    $"libstdc++ provides {NeededVersion}.");
            }
        }

        return !Log.HasLoggedErrors;
    }

    static bool SystemLibStdCxxHasNeededVersion()
    {
        var needle = Encoding.ASCII.GetBytes(NeededVersion + "\0");
        foreach (var candidate in LibStdCxxLocations)
        {
            if (File.Exists(candidate) && IndexOf(File.ReadAllBytes(candidate), needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    static string Relax(string path)
    {
        var image = File.ReadAllBytes(path);
        var elf = new ElfView(image);

        var verneed = elf.SingleSection(ShtGnuVerneed, ".gnu.version_r");
        var versym = elf.SingleSection(ShtGnuVersym, ".gnu.version");
        var dynsym = elf.SingleSection(ShtDynsym, ".dynsym");
        var dynstr = elf.Section((int)dynsym.Link);

        var (auxOffset, versionIndex) = FindVersionNeed(elf, verneed, dynstr);
        if (auxOffset < 0)
        {
            return $"no {NeededVersion} need; nothing to do.";
        }

        var symbolCount = (int)(dynsym.Size / 24);
        var users = new List<int>();
        for (var i = 0; i < symbolCount; i++)
        {
            var slot = versym.Offset + 2 * i;
            if ((elf.U16(slot) & 0x7fff) == versionIndex)
            {
                users.Add(i);
            }
        }

        var flagsOffset = auxOffset + 4;
        var alreadyWeak = (elf.U16(flagsOffset) & VerFlagWeak) != 0;
        if (users.Count == 0 && alreadyWeak)
        {
            return "already relaxed.";
        }

        if (users.Count != 1)
        {
            throw new InvalidDataException(
                $"expected exactly one symbol bound to {NeededVersion}, found {users.Count}.");
        }

        var symbol = users[0];
        var symbolOffset = dynsym.Offset + 24 * symbol;
        var name = elf.CString(dynstr.Offset + elf.U32(symbolOffset));
        if (name != MarkerSymbol)
        {
            throw new InvalidDataException(
                $"the symbol bound to {NeededVersion} is '{name}', not the marker '{MarkerSymbol}'.");
        }

        if (elf.U16(symbolOffset + 6) != 0)
        {
            throw new InvalidDataException($"'{MarkerSymbol}' is defined here, not imported.");
        }

        foreach (var relocations in elf.Sections)
        {
            if (relocations.Type != ShtRela && relocations.Type != ShtRel)
            {
                continue;
            }

            var entrySize = relocations.Type == ShtRela ? 24 : 16;
            for (var at = relocations.Offset; at + entrySize <= relocations.Offset + relocations.Size;
                 at += entrySize)
            {
                if (relocations.Link == (uint)elf.IndexOf(dynsym) && (elf.U64(at + 8) >> 32) == (ulong)symbol)
                {
                    throw new InvalidDataException($"a relocation refers to '{MarkerSymbol}'.");
                }
            }
        }

        elf.PutU16(flagsOffset, (ushort)(elf.U16(flagsOffset) | VerFlagWeak));
        elf.PutU16(versym.Offset + 2 * symbol, VersionGlobal);

        // Copy first so the temporary file keeps the original's permissions, then swap atomically.
        var temporary = path + ".relax-" + Guid.NewGuid().ToString("N");
        File.Copy(path, temporary);
        File.WriteAllBytes(temporary, image);
        File.Replace(temporary, path, destinationBackupFileName: null);
        return $"relaxed the {NeededVersion} need of '{MarkerSymbol}'.";
    }

    static (int AuxOffset, int VersionIndex) FindVersionNeed(ElfView elf, Section verneed, Section dynstr)
    {
        var need = verneed.Offset;
        for (var n = 0; n < (int)verneed.Info; n++)
        {
            var file = elf.CString(dynstr.Offset + elf.U32(need + 4));
            var aux = need + (int)elf.U32(need + 8);
            for (var a = 0; a < elf.U16(need + 2); a++)
            {
                var version = elf.CString(dynstr.Offset + elf.U32(aux + 8));
                if (file == "libstdc++.so.6" && version == NeededVersion)
                {
                    return (aux, elf.U16(aux + 6) & 0x7fff);
                }

                aux += (int)elf.U32(aux + 12);
            }

            need += (int)elf.U32(need + 12);
        }

        return (-1, -1);
    }

    static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }

    sealed class Section
    {
        public uint Type;
        public int Offset;
        public long Size;
        public uint Link;
        public uint Info;
    }

    sealed class ElfView
    {
        readonly byte[] _image;

        public ElfView(byte[] image)
        {
            _image = image;
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' ||
                image[3] != (byte)'F')
            {
                throw new InvalidDataException("not an ELF file.");
            }

            if (image[4] != 2 || image[5] != 1)
            {
                throw new InvalidDataException("not a 64-bit little-endian ELF file.");
            }

            var sectionTable = checked((int)U64(0x28));
            var entrySize = U16(0x3a);
            var count = U16(0x3c);
            if (entrySize != 64 || sectionTable <= 0 || sectionTable + (long)count * 64 > image.Length)
            {
                throw new InvalidDataException("its section header table is malformed.");
            }

            for (var i = 0; i < count; i++)
            {
                var at = sectionTable + 64 * i;
                var section = new Section
                {
                    Type = U32(at + 4),
                    Offset = checked((int)U64(at + 0x18)),
                    Size = checked((long)U64(at + 0x20)),
                    Link = U32(at + 0x28),
                    Info = U32(at + 0x2c),
                };
                if (section.Type != 8 && section.Offset + section.Size > image.Length)
                {
                    throw new InvalidDataException($"section {i} lies outside the file.");
                }

                Sections.Add(section);
            }
        }

        public List<Section> Sections { get; } = new();

        public Section Section(int index) =>
            index >= 0 && index < Sections.Count
                ? Sections[index]
                : throw new InvalidDataException($"section index {index} is out of range.");

        public int IndexOf(Section section) => Sections.IndexOf(section);

        public Section SingleSection(uint type, string name)
        {
            var found = Sections.FindAll(s => s.Type == type);
            return found.Count == 1
                ? found[0]
                : throw new InvalidDataException($"expected one {name} section, found {found.Count}.");
        }

        public ushort U16(int at) => BitConverter.ToUInt16(_image, at);

        public uint U32(int at) => BitConverter.ToUInt32(_image, at);

        public ulong U64(int at) => BitConverter.ToUInt64(_image, at);

        public void PutU16(int at, ushort value) => BitConverter.GetBytes(value).CopyTo(_image, at);

        public string CString(long at)
        {
            var end = (int)at;
            while (end < _image.Length && _image[end] != 0)
            {
                end++;
            }

            return Encoding.ASCII.GetString(_image, (int)at, end - (int)at);
        }
    }
}

using GanAugment.Tabular;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GanAugment.ML.Data;

/// <summary>A column of categories (text, key or boolean) held as codes; -1 is a missing value.</summary>
internal abstract class CategoricalViewColumn(DataViewSchema.Column source) : ViewColumn(source)
{
    protected int[] Codes { get; private set; } = [];

    /// <summary>The category of each code.</summary>
    protected abstract IReadOnlyList<string> Categories { get; }

    public override void EnsureCapacity(int rows)
    {
        if (Codes.Length < rows)
        {
            var grown = new int[Math.Max(rows, Count * 2)];
            Codes.AsSpan(0, Count).CopyTo(grown);
            Codes = grown;
        }
    }

    protected void Add(int code)
    {
        EnsureCapacity(Count + 1);
        Codes[Count++] = code;
    }

    public override IEnumerable<TableColumn> ToTableColumns()
    {
        var codes = Codes[..Count];
        yield return Source.Type is BooleanDataViewType
            ? TableColumn.Boolean(Source.Name, codes)
            : TableColumn.Categorical(Source.Name, codes, Categories.ToArray());
    }

    public override void Append(Table synthetic)
    {
        var column = synthetic[Source.Name];
        var codeOf = column.Categories.Select(CodeOf).ToArray();
        EnsureCapacity(Count + synthetic.RowCount);
        foreach (var code in column.Codes!)
        {
            Codes[Count++] = code < 0 ? -1 : codeOf[code];
        }
    }

    /// <summary>The code of a category in a table being appended.</summary>
    protected virtual int CodeOf(string category)
    {
        var code = Categories.ToList().IndexOf(category);
        return code >= 0 ? code : throw new InvalidOperationException(
            $"Column '{Source.Name}': the generator produced the unknown category '{category}'.");
    }
}

/// <summary>A boolean column (no missing values in ML.NET).</summary>
internal sealed class BooleanViewColumn(DataViewSchema.Column source) : CategoricalViewColumn(source)
{
    protected override IReadOnlyList<string> Categories => TableColumn.BooleanCategories;

    public override Action CreateAppender(DataViewRow row)
    {
        var getter = row.GetGetter<bool>(Source);
        var value = false;
        return () =>
        {
            getter(ref value);
            Add(value ? 1 : 0);
        };
    }

    public override Delegate CreateGetter(Func<int> position) =>
        (ValueGetter<bool>)((ref bool value) => value = Codes[position()] == 1);
}

/// <summary>A text column read as categories; the empty string is a missing value.</summary>
internal sealed class TextViewColumn(DataViewSchema.Column source) : CategoricalViewColumn(source)
{
    readonly List<string> _categories = [];
    readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);

    protected override IReadOnlyList<string> Categories => _categories;

    public override Action CreateAppender(DataViewRow row)
    {
        var getter = row.GetGetter<ReadOnlyMemory<char>>(Source);
        ReadOnlyMemory<char> value = default;
        return () =>
        {
            getter(ref value);
            Add(value.IsEmpty ? -1 : CodeFor(value.ToString()));
        };
    }

    public override Delegate CreateGetter(Func<int> position) =>
        (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) =>
        {
            var code = Codes[position()];
            value = code < 0 ? ReadOnlyMemory<char>.Empty : _categories[code].AsMemory();
        });

    protected override int CodeOf(string category) => CodeFor(category);

    int CodeFor(string text)
    {
        if (!_codes.TryGetValue(text, out var code))
        {
            code = _categories.Count;
            _codes[text] = code;
            _categories.Add(text);
        }

        return code;
    }
}

/// <summary>
/// A UInt32 key column: key k is category k − 1 (named by its key values when present); 0 is missing.
/// </summary>
internal sealed class KeyViewColumn : CategoricalViewColumn
{
    readonly string[] _categories;

    public KeyViewColumn(DataViewSchema.Column source, KeyDataViewType type)
        : base(source)
    {
        if (type.Count is 0 or > 1_000_000)
        {
            throw SchemaErrors.Mismatch(source.Name, "a key type with a known count", type.ToString());
        }

        VBuffer<ReadOnlyMemory<char>> names = default;
        if (source.HasKeyValues())
        {
            source.GetKeyValues(ref names);
        }

        var dense = names.DenseValues().Select(n => n.ToString()).ToArray();
        _categories = dense.Length == (int)type.Count && dense.Distinct().Count() == dense.Length
            ? dense
            : Enumerable.Range(1, (int)type.Count)
                .Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .ToArray();
    }

    protected override IReadOnlyList<string> Categories => _categories;

    public override Action CreateAppender(DataViewRow row)
    {
        var getter = row.GetGetter<uint>(Source);
        uint value = 0;
        return () =>
        {
            getter(ref value);
            Add((int)value - 1);
        };
    }

    public override Delegate CreateGetter(Func<int> position) =>
        (ValueGetter<uint>)((ref uint value) => value = (uint)(Codes[position()] + 1));
}

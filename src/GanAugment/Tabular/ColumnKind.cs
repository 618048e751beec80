namespace GanAugment.Tabular;

/// <summary>How a column's values are read, modelled and written back.</summary>
public enum ColumnKind
{
    /// <summary>Real numbers, modelled with mode-specific normalisation.</summary>
    Continuous,

    /// <summary>Whole numbers, modelled like continuous values and rounded when decoded.</summary>
    Integer,

    /// <summary>Text categories, one-hot encoded.</summary>
    Categorical,

    /// <summary><c>true</c> / <c>false</c> values, one-hot encoded like a two-category column.</summary>
    Boolean,
}

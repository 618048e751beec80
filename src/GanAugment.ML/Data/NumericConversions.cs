namespace GanAugment.ML.Data;

/// <summary>Conversions between ML.NET's numeric column types and the <see cref="double"/> used in buffers.</summary>
internal static class NumericConversions
{
    public static readonly Type[] Supported =
    [
        typeof(float), typeof(double), typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int),
        typeof(uint), typeof(long), typeof(ulong),
    ];

    public static bool IsInteger(Type type) => type != typeof(float) && type != typeof(double);

    public static Func<T, double> ToDouble<T>()
    {
        object convert = typeof(T) switch
        {
            var t when t == typeof(float) => (Func<float, double>)(v => v),
            var t when t == typeof(double) => (Func<double, double>)(v => v),
            var t when t == typeof(sbyte) => (Func<sbyte, double>)(v => v),
            var t when t == typeof(byte) => (Func<byte, double>)(v => v),
            var t when t == typeof(short) => (Func<short, double>)(v => v),
            var t when t == typeof(ushort) => (Func<ushort, double>)(v => v),
            var t when t == typeof(int) => (Func<int, double>)(v => v),
            var t when t == typeof(uint) => (Func<uint, double>)(v => v),
            var t when t == typeof(long) => (Func<long, double>)(v => v),
            var t when t == typeof(ulong) => (Func<ulong, double>)(v => v),
            _ => throw new NotSupportedException($"{typeof(T)} is not a numeric column type."),
        };
        return (Func<T, double>)convert;
    }

    /// <summary>Back to the column's type; integers are rounded and clamped to the type's range.</summary>
    public static Func<double, T> FromDouble<T>()
    {
        object convert = typeof(T) switch
        {
            var t when t == typeof(float) => (Func<double, float>)(v => (float)v),
            var t when t == typeof(double) => (Func<double, double>)(v => v),
            var t when t == typeof(sbyte) =>
                (Func<double, sbyte>)(v => (sbyte)Whole(v, sbyte.MinValue, sbyte.MaxValue)),
            var t when t == typeof(byte) => (Func<double, byte>)(v => (byte)Whole(v, byte.MinValue, byte.MaxValue)),
            var t when t == typeof(short) =>
                (Func<double, short>)(v => (short)Whole(v, short.MinValue, short.MaxValue)),
            var t when t == typeof(ushort) =>
                (Func<double, ushort>)(v => (ushort)Whole(v, ushort.MinValue, ushort.MaxValue)),
            var t when t == typeof(int) => (Func<double, int>)(v => (int)Whole(v, int.MinValue, int.MaxValue)),
            var t when t == typeof(uint) => (Func<double, uint>)(v => (uint)Whole(v, uint.MinValue, uint.MaxValue)),
            var t when t == typeof(long) => (Func<double, long>)(v => (long)Whole(v, long.MinValue, long.MaxValue)),
            var t when t == typeof(ulong) => (Func<double, ulong>)(v => (ulong)Whole(v, 0, ulong.MaxValue)),
            _ => throw new NotSupportedException($"{typeof(T)} is not a numeric column type."),
        };
        return (Func<double, T>)convert;
    }

    static double Whole(double value, double low, double high) =>
        double.IsNaN(value) ? 0 : Math.Clamp(Math.Round(value), low, high);
}

using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

// Usage: ModelLoadCheck MODEL.zip DATA.csv — prints one score per row of the breast_cancer CSV, then the
// assemblies loaded, so the caller can check that none is GanAugment's.
var context = new MLContext(seed: 0);
var model = context.Model.Load(args[0], out _);
var data = context.Data.CreateTextLoader(new TextLoader.Options
{
    HasHeader = true,
    Separators = [','],
    Columns = [new TextLoader.Column("Features", DataKind.Single, 0, 29)],
}).Load(args[1]);
foreach (var score in model.Transform(data).GetColumn<float>("Score"))
{
    Console.WriteLine(score.ToString("R", CultureInfo.InvariantCulture));
}

foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
{
    Console.WriteLine("assembly " + assembly.GetName().Name);
}

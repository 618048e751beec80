using GanAugment.Examples.ScarceLabels;

return ScarceLabelsExample.Run(ExampleSettings.Parse(args), Console.Out);

using GanAugment.Cli;

return CommandLine.Build().Parse(args).Invoke();

namespace GanAugment.Tests.Cli;

/// <summary>
/// The command-line tests: they redirect the process-wide console, so they never run alongside other
/// tests. They share one trained penguins model for the commands that read a package.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection : ICollectionFixture<PenguinsModelFixture>
{
    public const string Name = "command line";
}

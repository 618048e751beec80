using GanAugment.Cli;

namespace GanAugment.Tests.Cli;

/// <summary>The outcome of one in-process run of the gan-augment command line.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>The non-blank lines written to stderr.</summary>
    public string[] ErrorLines =>
        Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Runs gan-augment with <paramref name="args"/>, capturing stdout and stderr.</summary>
    public static CliRun Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (previousOutput, previousError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exitCode = CommandLine.Build().Parse(args).Invoke();
            return new CliRun(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOutput);
            Console.SetError(previousError);
        }
    }

    /// <summary>
    /// Asserts a clean failure: the exit code, one "gan-augment: error:" line on stderr that contains
    /// every one of <paramref name="mentions"/>, and no stack trace.
    /// </summary>
    public void AssertFailed(int exitCode, params string[] mentions)
    {
        Assert.Equal(exitCode, ExitCode);
        var line = Assert.Single(ErrorLines);
        Assert.StartsWith("gan-augment: error:", line);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, line);
        }

        Assert.DoesNotContain("   at ", Error);
        Assert.DoesNotContain("   at ", Output);
    }
}

using Quorum.Simulator.Cli;
using Quorum.Simulator.Simulation;

// The panel simulator's command line: parse, run one simulated panel, print the report as the last line.
var (options, problem) = CommandLine.Parse(args);
if (options is null)
{
    if (problem is null)
    {
        Console.Out.WriteLine(CommandLine.Usage);
        return 0;
    }

    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the experts and still prints the report; a second one ends the process at once.
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

var report = await new PanelSimulation(options, Console.Out, Console.Error).RunAsync(stop.Token);
Console.Out.WriteLine(report.ToJson());
return report.Errors > 0 ? 1 : report.Cancelled ? 130 : 0;

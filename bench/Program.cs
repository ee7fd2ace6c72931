using System.Text.Json;
using Quorum.Bench;
using Quorum.Bench.Scenarios;

// dotnet run -c Release --project bench -- <scenario> [--quick] [options]
// Each scenario prints progress to stderr and one JSON object as the last line of stdout; the object is also
// written to bench/results/<scenario>-<time>.json.
var options = BenchOptions.Parse(args);
if (options.Scenario == "echo-server")
{
    // Not a scenario: the echo baseline's server, started by `ratings` as a pinned child process.
    return await SignalREcho.ServeAsync();
}

if (options.Scenario is null or "help" or "--help")
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench -- <scenario> [--quick] [options]
          engine                    replay automerge-paper through the document apply path
          replay <trace> [--clients N]
                                    replay a trace (name or .json.gz path) through the editing engine
          hot-item [--clients 40] [--seconds 10]
                                    N editors typing into one field over SignalR, against ShareDB on the same workload
          ratings [--bank 700] [--experts 1000] [--rate N]
                                    experts rating a round's items over SignalR with a facilitator dashboard, against a SignalR echo
        """);
    return options.Scenario is null ? 2 : 0;
}

try
{
    object result = options.Scenario switch
    {
        "engine" => EngineScenario.Run(options),
        "replay" => ReplayScenario.Run(options),
        "hot-item" => await HotItemScenario.RunAsync(options),
        "ratings" => await RatingsScenario.RunAsync(options),
        _ => throw new BenchUsageException($"Unknown scenario '{options.Scenario}'; run with --help for the list."),
    };
    var json = JsonSerializer.Serialize(result, BenchOptions.Json);
    Results.Save(options.Scenario, json);
    Console.WriteLine(json);
    return 0;
}
catch (BenchUsageException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

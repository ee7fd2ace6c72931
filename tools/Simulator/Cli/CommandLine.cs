using System.Globalization;
using Quorum.Simulator.Server.Api;
using Quorum.Simulator.Simulation;

namespace Quorum.Simulator.Cli;

/// <summary>Reads the command line into <see cref="SimulationOptions"/>; the usage text is the reference (README repeats it).</summary>
public static class CommandLine
{
    public const string Usage = """
        usage: dotnet run -c Release --project tools/Simulator -- --url <server> --link '<facilitator sign-in link>' [options]

          --url <address>     the server, e.g. http://127.0.0.1:5000 (required)
          --link <link>       a facilitator's personal sign-in link, http://host/join#<token> (required)
          --panel <id>        fill this panel (default: create "Simulated panel <date>" on the first framework)
          --experts <n>       simulated experts, dealt round-robin into the four default groups (default 40)
          --items <n>         write until the bank holds this many items (default 100)
          --seed <n>          decides who writes what, from which trace, and every choice (default 1)
          --rounds <n>        review rounds an item goes through at most; 0 opens none (default 2)
          --instruments <l>   set the panel's rating instruments first, e.g. essentiality,relevance,keyCorrect,clarity,angoff
                              (default: keep the panel's)
          --pace <ms>         pause between one expert's actions, jittered by half (default 300)
          --traces <folder>   sequential editing traces (default $QUORUM_TEST_DATA/traces, else ../shared/data/traces)
          --max-seconds <n>   stop here whatever is left, and count it as an error (default 1800)
          --help              this text
        """;

    /// <summary>The options, or null with the problem (or null with no problem when help was asked for).</summary>
    public static (SimulationOptions? Options, string? Problem) Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                return (null, null);
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return (null, $"Unexpected argument '{arg}'.");
            }

            string name, value;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = arg[2..equals];
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                name = arg[2..];
                value = args[++i];
            }
            else
            {
                return (null, $"'{arg}' needs a value.");
            }

            if (!Known.Contains(name))
            {
                return (null, $"Unknown option '--{name}'.");
            }

            values[name] = value;
        }

        if (!values.TryGetValue("url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var server))
        {
            return (null, "--url must be the server's absolute address, e.g. http://127.0.0.1:5000.");
        }

        if (!values.TryGetValue("link", out var link) || !link.Contains('#', StringComparison.Ordinal))
        {
            return (null, "--link must be a facilitator's sign-in link, http://host/join#<token> (quote it: the shell may treat # specially).");
        }

        Guid? panel = null;
        if (values.TryGetValue("panel", out var panelText))
        {
            if (!Guid.TryParse(panelText, out var panelId))
            {
                return (null, "--panel must be a panel id (a GUID).");
            }

            panel = panelId;
        }

        if (!TryInt(values, "experts", 40, out var experts, out var problem)
            || !TryInt(values, "items", 100, out var items, out problem)
            || !TryInt(values, "seed", 1, out var seed, out problem)
            || !TryInt(values, "rounds", 2, out var rounds, out problem)
            || !TryInt(values, "pace", 300, out var pace, out problem)
            || !TryInt(values, "max-seconds", 1800, out var maxSeconds, out problem))
        {
            return (null, problem);
        }

        IReadOnlyList<Instrument>? instruments = null;
        if (values.TryGetValue("instruments", out var instrumentText))
        {
            var names = instrumentText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var parsed = new List<Instrument>(names.Length);
            foreach (var name in names)
            {
                if (!Enum.TryParse<Instrument>(name, ignoreCase: true, out var instrument) || !Enum.IsDefined(instrument) || int.TryParse(name, out _))
                {
                    return (null, $"--instruments: '{name}' is not one of essentiality, relevance, keyCorrect, clarity, angoff.");
                }

                parsed.Add(instrument);
            }

            instruments = parsed;
        }

        var options = new SimulationOptions
        {
            Server = server,
            FacilitatorLink = link,
            PanelId = panel,
            Experts = experts,
            Items = items,
            Seed = seed,
            MaxRounds = rounds,
            Instruments = instruments,
            Pace = TimeSpan.FromMilliseconds(pace),
            TracesFolder = values.GetValueOrDefault("traces"),
            TimeLimit = TimeSpan.FromSeconds(maxSeconds),
        };
        return options.Problem() is { } invalid ? (null, invalid) : (options, null);
    }

    private static readonly HashSet<string> Known = ["url", "link", "panel", "experts", "items", "seed", "rounds", "instruments", "pace", "traces", "max-seconds"];

    private static bool TryInt(Dictionary<string, string> values, string name, int fallback, out int value, out string? problem)
    {
        problem = null;
        value = fallback;
        if (!values.TryGetValue(name, out var text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        problem = $"--{name} must be a whole number (got '{text}').";
        return false;
    }
}

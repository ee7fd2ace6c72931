using Quorum.Simulator.Cli;
using Quorum.Simulator.Server.Api;

namespace Quorum.Simulator.Tests;

/// <summary>The command line documented in the README parses to the options it promises, and anything else is refused with a reason.</summary>
public sealed class CommandLineTests
{
    private const string Link = "http://127.0.0.1:5000/join#tok";

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var (options, problem) = CommandLine.Parse(["--url", "http://127.0.0.1:5000", "--link", Link]);

        Assert.Null(problem);
        Assert.NotNull(options);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), options.Server);
        Assert.Equal(Link, options.FacilitatorLink);
        Assert.Null(options.PanelId);
        Assert.Equal(40, options.Experts);
        Assert.Equal(100, options.Items);
        Assert.Equal(1, options.Seed);
        Assert.Equal(2, options.MaxRounds);
        Assert.Null(options.Instruments);
        Assert.Equal(TimeSpan.FromMilliseconds(300), options.Pace);
        Assert.Null(options.TracesFolder);
        Assert.Equal(TimeSpan.FromSeconds(1800), options.TimeLimit);
    }

    [Fact]
    public void Every_option_is_read_in_either_form()
    {
        var panel = Guid.NewGuid();
        var (options, problem) = CommandLine.Parse([
            "--url=http://localhost:8080/", "--link", Link, "--panel", panel.ToString(), "--experts=7", "--items", "12",
            "--seed", "42", "--rounds=3", "--instruments", "Relevance, keyCorrect,clarity,angoff", "--pace=0", "--traces", "/tmp/traces", "--max-seconds", "60"]);

        Assert.Null(problem);
        Assert.Equal(panel, options!.PanelId);
        Assert.Equal(7, options.Experts);
        Assert.Equal(12, options.Items);
        Assert.Equal(42, options.Seed);
        Assert.Equal(3, options.MaxRounds);
        Assert.Equal([Instrument.Relevance, Instrument.KeyCorrect, Instrument.Clarity, Instrument.Angoff], options.Instruments);
        Assert.Equal(TimeSpan.Zero, options.Pace);
        Assert.Equal("/tmp/traces", options.TracesFolder);
        Assert.Equal(TimeSpan.FromSeconds(60), options.TimeLimit);
    }

    [Theory]
    [InlineData("--link", Link, "--url must be the server's absolute address, e.g. http://127.0.0.1:5000.")]
    [InlineData("--url", "http://h", "--link must be a facilitator's sign-in link, http://host/join#<token> (quote it: the shell may treat # specially).")]
    public void Missing_url_or_link_is_refused(string name, string value, string expected)
    {
        var (options, problem) = CommandLine.Parse([name, value]);

        Assert.Null(options);
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("--experts", "0", "--experts must be 1-5000.")]
    [InlineData("--items", "many", "--items must be a whole number (got 'many').")]
    [InlineData("--pace", "-5", "--pace cannot be negative.")]
    [InlineData("--rounds", "11", "--rounds must be 0-10.")]
    [InlineData("--instruments", "clarity,speed", "--instruments: 'speed' is not one of essentiality, relevance, keyCorrect, clarity, angoff.")]
    [InlineData("--instruments", "2", "--instruments: '2' is not one of essentiality, relevance, keyCorrect, clarity, angoff.")]
    [InlineData("--instruments", "clarity,Clarity", "--instruments must name at least one instrument, each once.")]
    [InlineData("--instruments", ",", "--instruments must name at least one instrument, each once.")]
    [InlineData("--panel", "42", "--panel must be a panel id (a GUID).")]
    [InlineData("--colour", "red", "Unknown option '--colour'.")]
    public void Bad_values_are_refused_with_the_reason(string name, string value, string expected)
    {
        var (options, problem) = CommandLine.Parse(["--url", "http://h", "--link", Link, name, value]);

        Assert.Null(options);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Help_asks_for_the_usage_text()
    {
        var (options, problem) = CommandLine.Parse(["--help"]);

        Assert.Null(options);
        Assert.Null(problem);
    }
}

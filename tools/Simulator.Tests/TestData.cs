namespace Quorum.Simulator.Tests;

/// <summary>
/// The shared test data (traces, OT vectors): <c>$QUORUM_TEST_DATA</c>, else <c>../shared/data</c> beside the
/// repository. Missing data fails the test with where it looked; it is never silently skipped.
/// </summary>
internal static class TestData
{
    public static string Folder { get; } = Locate();

    public static string Traces => Path.Combine(Folder, "traces");

    public static string File(params string[] parts)
    {
        var path = Path.Combine([Folder, .. parts]);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"Test data file missing: {path}. Set QUORUM_TEST_DATA to the shared data folder.", path);
        }

        return path;
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("QUORUM_TEST_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? Path.GetFullPath(fromEnvironment)
                : throw new DirectoryNotFoundException($"QUORUM_TEST_DATA is '{fromEnvironment}', which does not exist.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(shared)
                    ? shared
                    : throw new DirectoryNotFoundException($"The shared test data is not at {shared} (beside the repository). Set QUORUM_TEST_DATA to it.");
            }
        }

        throw new DirectoryNotFoundException($"No repository root (Directory.Packages.props) above {AppContext.BaseDirectory}, and QUORUM_TEST_DATA is not set.");
    }
}

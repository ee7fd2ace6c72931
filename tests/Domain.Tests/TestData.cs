namespace Quorum.Domain.Tests;

/// <summary>The shared test data folder: QUORUM_TEST_DATA, or ../shared/data beside the repository.</summary>
internal static class TestData
{
    public static string Folder()
    {
        var configured = Environment.GetEnvironmentVariable("QUORUM_TEST_DATA");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? configured : throw new DirectoryNotFoundException($"QUORUM_TEST_DATA={configured} does not exist.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.sln")) && Directory.Exists(Path.Combine(dir.FullName, "..", "shared", "data")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            }
        }

        throw new DirectoryNotFoundException("Test data not found: set QUORUM_TEST_DATA or place shared/data beside the repository.");
    }
}

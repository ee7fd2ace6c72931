using Quorum.Domain.Frameworks;

namespace Quorum.Domain.Tests;

/// <summary>The seed frameworks load, and a framework file of the wrong shape is refused with a clear reason.</summary>
public sealed class FrameworkTests
{
    [Fact]
    public void Both_kss_frameworks_ship()
    {
        Assert.Equal(["kss-cfp", "kss-ps"], SeedFrameworks.All.Select(f => f.Id).Order());
        Assert.Equal(10, SeedFrameworks.Find("kss-cfp")!.Statements.Count);
        Assert.Equal(8, SeedFrameworks.Find("kss-ps")!.Statements.Count);
        Assert.Equal("Child development", SeedFrameworks.Find("kss-cfp")!.Statement("kss-cfp-3")!.Title);
    }

    [Fact]
    public void The_shared_framework_files_parse_identically()
    {
        var folder = Path.Combine(TestData.Folder(), "frameworks");
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var (framework, problem) = Framework.Parse(File.ReadAllText(file));
            Assert.Null(problem);
            var seed = SeedFrameworks.Find(framework!.Id)!;
            Assert.Equal(seed.Statements, framework.Statements);
        }
    }

    [Theory]
    [InlineData("not json", "framework")]
    [InlineData("{\"id\":\"x\",\"title\":\"T\",\"statements\":[]}", "framework.statements")]
    [InlineData("{\"id\":\"bad id!\",\"title\":\"T\",\"statements\":[{\"id\":\"s1\",\"number\":1,\"title\":\"S\"}]}", "framework.id")]
    [InlineData("{\"id\":\"x\",\"title\":\"\",\"statements\":[{\"id\":\"s1\",\"number\":1,\"title\":\"S\"}]}", "framework.title")]
    [InlineData("{\"id\":\"x\",\"title\":\"T\",\"statements\":[{\"id\":\"s1\",\"number\":1,\"title\":\"S\"},{\"id\":\"s1\",\"number\":2,\"title\":\"S2\"}]}", "framework.statements")]
    [InlineData("{\"id\":\"x\",\"title\":\"T\",\"statements\":[{\"id\":\"s1\",\"number\":1,\"title\":\"\"}]}", "framework.statements")]
    public void Bad_framework_files_are_refused(string json, string field)
    {
        var (framework, problem) = Framework.Parse(json);
        Assert.Null(framework);
        Assert.Equal(field, problem?.Field);
    }

    [Fact]
    public void Oversized_file_is_refused() =>
        Assert.Equal("framework", Framework.Parse(new string(' ', Framework.MaxFileBytes + 1)).Problem?.Field);
}

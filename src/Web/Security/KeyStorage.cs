using Microsoft.AspNetCore.DataProtection;
using Quorum.Storage;

namespace Quorum.Web.Security;

/// <summary>
/// Where the keys that sign session cookies live: in the data folder, beside the data they protect. Left to the
/// default (the user's home), a restart on a machine or container without a kept home directory would sign
/// everyone out and leave open pages unable to reconnect.
/// </summary>
public static class KeyStorage
{
    public static IServiceCollection AddQuorumKeyStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var data = configuration[StorageSettings.DataDirectoryKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : Path.Combine(contentRoot, "data");
        var keys = Directory.CreateDirectory(Path.Combine(data, "keys"));
        services.AddDataProtection()
            .SetApplicationName("Quorum")
            .PersistKeysToFileSystem(keys);
        return services;
    }
}

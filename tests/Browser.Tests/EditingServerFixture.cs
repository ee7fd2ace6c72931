namespace Quorum.Browser.Tests;

/// <summary>One Quorum server and panel shared by a test class; each test makes its own item and experts.</summary>
public sealed class EditingServerFixture : IAsyncLifetime
{
    private EditingServer? server;

    public EditingServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => server = await EditingServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Quorum.Web.Live;

/// <summary>
/// The hub connections open on this web node, per person, so that a removed member or a revoked link
/// closes that person's live connections at once instead of leaving them in the panel's groups.
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> byPerson = new();

    public int Count => byPerson.Values.Sum(c => c.Count);

    public void Add(Guid personId, HubCallerContext context) =>
        byPerson.GetOrAdd(personId, _ => new()).TryAdd(context.ConnectionId, context);

    public void Remove(Guid personId, string connectionId)
    {
        if (byPerson.TryGetValue(personId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    public void Disconnect(Guid personId)
    {
        if (byPerson.TryRemove(personId, out var connections))
        {
            foreach (var context in connections.Values)
            {
                context.Abort();
            }
        }
    }
}

using Microsoft.AspNetCore.SignalR;
using Quorum.Contracts.Common;

namespace Quorum.Web.Hubs;

/// <summary>
/// Turns an unexpected failure inside a hub method (a storage outage, a timeout) into a typed refusal the
/// browser can show, logs it, and keeps the connection open. Details stay in the server log.
/// </summary>
public sealed class HubFailureFilter(ILogger<HubFailureFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not HubException)
        {
            logger.LogError(e, "Hub method {Method} failed", context.HubMethodName);
            return new
            {
                ok = false,
                value = (object?)null,
                error = new Problem("unavailable", "Quorum could not complete this just now, so it was not saved. Please try again."),
            };
        }
    }
}

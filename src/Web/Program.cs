using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;
using Quorum.Domain;
using Quorum.Storage;
using Quorum.Web.Api;
using Quorum.Web.Hosting;
using Quorum.Web.Hubs;
using Quorum.Web.Live;
using Quorum.Web.Security;

var builder = WebApplication.CreateBuilder(args);
var storage = StorageSettings.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
builder.AddQuorumGrains(storage);

var enums = new JsonStringEnumConverter(JsonNamingPolicy.CamelCase);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(enums));
builder.Services.AddSignalR(o =>
{
    o.MaximumReceiveMessageSize = Limits.HubMessageBytes;
    o.EnableDetailedErrors = false;
    o.AddFilter<HubFailureFilter>();
}).AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(enums));

builder.Services.AddQuorumKeyStorage(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddQuorumSessions();
builder.Services.Configure<RequestGuardOptions>(builder.Configuration.GetSection("Quorum:Security"));
var signInsPerMinute = Math.Max(1, builder.Configuration.GetValue("Quorum:Security:SignInsPerMinute", new RequestGuardOptions().SignInsPerMinute));
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy(SessionEndpoints.SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1) }));
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ConnectionRegistry>();
builder.Services.AddSingleton<LiveRelay>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveRelay>());
builder.Services.AddSingleton<FirstFacilitatorLink>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<FirstFacilitatorLink>());
builder.Services.AddHealthChecks().AddCheck<Readiness>("ready", tags: ["ready"]);
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseQuorumRequestGuards();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.MapOpenApi();
app.MapSessionEndpoints();
app.MapPanelEndpoints();
app.MapHub<PanelHub>("/hubs/panel");
app.MapFallback("/api/{**path}", () => ApiResults.Refuse(Quorum.Contracts.Common.Problem.NotFound("There is no such API endpoint.")));
app.MapFallbackToFile("index.html");

app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;

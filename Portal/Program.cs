using Portal.Api;
using Portal.Audit;
using Portal.Auth;
using Portal.Cli;
using Portal.Components;
using Portal.Engine;
using Portal.Engine.Feed;
using Portal.Engine.Synthetic;
using Portal.Health;
using Portal.Hosting;
using Portal.Jobs;
using Portal.Moderation;
using Portal.Storage;

if (CliApp.IsCommand(args))
{
    return await CliApp.RunFromConsoleAsync(args);
}

var builder = WebApplication.CreateBuilder(PortalHostingExtensions.CreateOptions(args));
builder.AddPortalHosting();
builder.Services.AddPortalEngine(builder.Configuration);
builder.Services.AddFirstStartWorld();
builder.Services.AddServingRefresh();
builder.Services.AddPortalStorage(builder.Configuration);
builder.Services.AddStaffIdentity();
builder.Services.AddPortalApi();
builder.Services.AddPortalAudit();
builder.Services.AddPortalModeration();
builder.Services.AddPortalComponents();
builder.Services.AddPortalHealthChecks();
builder.Services.AddPortalJobs();

var app = builder.Build();
app.UsePortalErrorPages();
app.UsePortalAssets();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UsePortalApi();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapPortalHealthChecks();
app.MapAccountEndpoints();
app.MapPortalApi();
app.MapPortalAudit();
app.MapPortalComponents();
app.MapPortalJobs();

await app.RunAsync();
return 0;

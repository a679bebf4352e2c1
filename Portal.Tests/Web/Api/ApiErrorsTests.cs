using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Engine.Feed;

namespace Portal.Tests.Web.Api;

/// <summary>Errors that are not about one route's input: every one of them is problem JSON.</summary>
public sealed class ApiErrorsTests(ApiAppFactory factory) : IClassFixture<ApiAppFactory>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UnknownRoute_Returns404Problem(bool withKey)
    {
        using var client = factory.CreateApiClient(withKey ? null : "");

        using var response = await client.GetAsync("/api/v1/videos/3");

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("There is no API route GET /api/v1/videos/3. The routes are described at /api/docs.", ApiJson.Detail(problem));
    }

    [Theory]
    [InlineData("GET", "/api/v1/videos/3", "", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/users/1", "", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/api/v1/users", "{", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/v1/users", "{\"language\":\"en\",\"country\":\"US\",\"device\":\"ios\",\"id\":1}", HttpStatusCode.Conflict)]
    public async Task Error_ForAClientThatAsksForHtml_IsStillProblemJson(string method, string path, string body, HttpStatusCode status)
    {
        using var client = factory.CreateApiClient(status == HttpStatusCode.Unauthorized ? "" : null);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd("text/html");
        if (method == "POST")
        {
            request.Content = ApiJson.Body(body);
        }

        using var response = await client.SendAsync(request);

        await ApiJson.ProblemAsync(response, status);
    }

    [Fact]
    public async Task WrongMethod_Returns405ProblemNamingTheAllowedOnes()
    {
        using var client = factory.CreateApiClient(key: "");

        using var response = await client.DeleteAsync("/api/v1/users/1/feed");

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.StartsWith("DELETE is not allowed on /api/v1/users/1/feed; use GET", ApiJson.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task PortalPages_StillRedirectToSignIn()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync("/api-keys");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EngineNotReady_Returns503WithRetryAfterOnEveryRoute()
    {
        await using var app = new EngineNeverStartsFactory();
        await app.InitializeAsync();
        using var client = app.CreateApiClient();

        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync("/api/v1/users/1/feed"),
            () => client.GetAsync("/api/v1/users/1"),
            () => client.PostAsync("/api/v1/users", ApiJson.Body("""{"language":"en","country":"US","device":"ios"}""")),
            () => client.PostAsync("/api/v1/events", ApiJson.Body("""{"events":[{"userId":1,"videoId":10,"kind":"like"}]}""")),
        })
        {
            using var response = await request();
            var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("The recommendation engine is still starting; try again in a few seconds.", ApiJson.Detail(problem));
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        }
    }

    [Fact]
    public async Task UnexpectedFailure_Returns500ProblemWithoutTheExceptionText()
    {
        await using var app = new EngineNeverStartsFactory(loadEngine: true);
        await app.InitializeAsync();
        using var client = app.CreateApiClient();
        await app.WaitForEngineAsync();
        // The users' table goes away under the engine: the next registration fails deep inside SQLite.
        await using (var db = await app.EngineContexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE AppUsers RENAME TO AppUsersGone");
        }

        using var response = await client.PostAsync("/api/v1/users", ApiJson.Body("""{"language":"en","country":"US","device":"ios"}"""));

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("Something went wrong on our side. The problem was logged; if it keeps happening, report it with the traceId.", ApiJson.Detail(problem));
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.DoesNotContain("SQLite", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An empty portal whose engine never loads (unless asked), so that requests meet an engine that is not ready.</summary>
    private sealed class EngineNeverStartsFactory(bool loadEngine = false) : ApiAppFactory(null, seed: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (!loadEngine)
            {
                builder.ConfigureTestServices(services =>
                {
                    var refresh = services.Single(d => d.ImplementationType == typeof(ServingRefreshService));
                    services.Remove(refresh);
                });
            }
        }
    }
}

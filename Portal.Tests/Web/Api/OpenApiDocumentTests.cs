using System.Net;
using System.Text.Json;

namespace Portal.Tests.Web.Api;

public sealed class OpenApiDocumentTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly (string Path, string Method, string OperationId, int[] Statuses)[] Routes =
    [
        ("/api/v1/users", "post", "CreateUser", [201, 400, 401, 409, 413, 415, 429, 503]),
        ("/api/v1/users/{id}", "get", "GetUser", [200, 401, 404, 429, 503]),
        ("/api/v1/users/{id}/feed", "get", "GetFeed", [200, 400, 401, 404, 429, 503]),
        ("/api/v1/events", "post", "PostEvents", [202, 400, 401, 404, 409, 413, 415, 429, 503]),
        ("/api/v1/reports", "post", "CreateReport", [201, 400, 401, 404, 413, 415, 429, 503]),
        ("/api/v1/users/{id}/personalization", "put", "SetPersonalization", [200, 400, 401, 404, 413, 415, 429, 503]),
    ];

    [Fact]
    public async Task Document_Anonymous_ListsEveryRouteWithItsShapesAndTheApiKey()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await ApiJson.ReadAsync(response);
        var paths = document.GetProperty("paths");
        Assert.Equal(Routes.Select(r => r.Path).Order(), paths.EnumerateObject().Select(p => p.Name).Order());
        foreach (var (path, method, operationId, statuses) in Routes)
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
            Assert.Equal(statuses.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order());
            Assert.Contains(operation.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty("ApiKey", out _));
        }

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(
            ["#/components/schemas/FeedResponse", "#/components/schemas/ExplainedFeedResponse"],
            paths.GetProperty("/api/v1/users/{id}/feed").GetProperty("get").GetProperty("responses").GetProperty("200")
                .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("oneOf").EnumerateArray()
                .Select(s => s.GetProperty("$ref").GetString()));
        Assert.True(schemas.GetProperty("ExplainedFeedItemResponse").GetProperty("properties").TryGetProperty("features", out _));
        Assert.True(schemas.GetProperty("EventRequest").GetProperty("properties").TryGetProperty("watchFraction", out _));
        Assert.Equal(
            ["country", "device", "id", "language"],
            schemas.GetProperty("CreateUserRequest").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("#/components/schemas/ProblemDetails", paths.GetProperty("/api/v1/users/{id}").GetProperty("get").GetProperty("responses")
            .GetProperty("404").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task Docs_Anonymous_ServeTheBrowsableReference()
    {
        using var client = factory.CreateClient();

        using var page = await client.GetAsync("/api/docs");
        using var script = await client.GetAsync("/api/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>Portal API</title>", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}

using System.Net;

namespace Portal.Tests.Web.Api;

public sealed class ApiRateLimitTests(ApiRateLimitTests.TinyLimitsFactory factory) : IClassFixture<ApiRateLimitTests.TinyLimitsFactory>
{
    [Fact]
    public async Task Requests_OverTheKeysBurst_Get429WithRetryAfter_OtherKeysAreNotAffected()
    {
        using var client = factory.CreateApiClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync("/api/v1/users/1");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var limited = await client.GetAsync("/api/v1/users/1");

        var problem = await ApiJson.ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal("This API key sent more than 1 requests a second (bursts up to 2). Wait 1 s and try again.", ApiJson.Detail(problem));
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);

        using var other = factory.CreateApiClient(await factory.CreateApiKeyAsync("another-app"));
        using var otherResponse = await other.GetAsync("/api/v1/users/1");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherResponse.StatusCode);
    }

    /// <summary>One request a second, two at once.</summary>
    public sealed class TinyLimitsFactory() : ApiAppFactory(
        new Dictionary<string, string?> { ["Portal:Api:RequestsPerSecond"] = "1", ["Portal:Api:Burst"] = "2" },
        seed: false);
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth.ApiKeys;
using Portal.Engine.Storage;

namespace Portal.Tests.Web.Api;

public sealed class ApiKeyAuthenticationTests(ApiAppFactories apps) : IClassFixture<ApiAppFactories>
{
    [Theory, EachProvider]
    public async Task Request_WithoutKey_Returns401SayingAKeyIsNeeded(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient(key: "");

        using var response = await client.GetAsync("/api/v1/users/1/feed");

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(ApiKeyAuthenticationHandler.MissingKeyMessage, ApiJson.Detail(problem));
        Assert.Equal("ApiKey", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("pk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    [InlineData("Bearer pk_x")]
    public async Task Request_WithUnknownKey_Returns401SayingTheKeyIsNotValid(string key)
    {
        var factory = await apps.ForAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreateApiClient(key);

        using var response = await client.PostAsync("/api/v1/events", ApiJson.Body("""{"events":[{"userId":1,"videoId":10,"kind":"like"}]}"""));

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(ApiKeyAuthenticationHandler.InvalidKeyMessage, ApiJson.Detail(problem));
    }

    [Theory, EachProvider]
    public async Task Request_WithRevokedKey_Returns401(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        var key = await factory.CreateApiKeyAsync("soon-revoked");
        using var client = factory.CreateApiClient(key);
        using (var before = await client.GetAsync("/api/v1/users/1"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var directory = factory.Services.GetRequiredService<ApiKeyDirectory>();
        var id = (await directory.GetPageAsync(0, 100)).Items.Single(k => k.Name == "soon-revoked").Id;
        Assert.True((await directory.RevokeAsync(id, "test", PortalAppFactory.AdminEmail)).Succeeded);

        using var after = await client.GetAsync("/api/v1/users/1");
        Assert.Equal(ApiKeyAuthenticationHandler.InvalidKeyMessage, ApiJson.Detail(await ApiJson.ProblemAsync(after, HttpStatusCode.Unauthorized)));
    }

    [Theory, EachProvider]
    public async Task Request_WithStaffSignInButNoKey_Returns401(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateBrowserlikeClient();
        await StaffSignIn.SignInAsync(client, PortalAppFactory.AdminEmail, PortalAppFactory.AdminPassword);

        using var response = await client.GetAsync("/api/v1/users/1");

        await ApiJson.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory, EachProvider]
    public async Task Request_WithKey_RecordsTheLastUseAtMostOnceAMinute(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        var key = await factory.CreateApiKeyAsync("usage");
        using var client = factory.CreateApiClient(key);
        var usage = factory.Services.GetRequiredService<ApiKeyUsage>();
        var directory = factory.Services.GetRequiredService<ApiKeyDirectory>();

        (await client.GetAsync("/api/v1/users/1")).Dispose();
        await usage.FlushAsync();
        (await client.GetAsync("/api/v1/users/1")).Dispose();

        var summary = (await directory.GetPageAsync(0, 100)).Items.Single(k => k.Name == "usage");
        Assert.NotNull(summary.LastUsedAt);
        Assert.InRange(summary.LastUsedAt!.Value, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(0, usage.Pending);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Portal.Engine.Storage;

namespace Portal.Tests.Web.Api;

public sealed class UsersApiTests(ApiAppFactories apps) : IClassFixture<ApiAppFactories>
{
    [Theory, EachProvider]
    public async Task Create_ValidBody_Returns201WithLocationAndTheUserReadsBack(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var created = await client.PostAsync("/api/v1/users", ApiJson.Body("""{"language":"pt","country":"br","device":"Android"}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiJson.ReadAsync(created)).GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/users/{id}", created.Headers.Location?.OriginalString);
        using var read = await client.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var user = await ApiJson.ReadAsync(read);
        Assert.Equal(id, user.GetProperty("id").GetInt64());
        Assert.Equal("pt", user.GetProperty("language").GetString());
        Assert.Equal("BR", user.GetProperty("country").GetString());
        Assert.Equal("android", user.GetProperty("device").GetString());
    }

    [Theory, EachProvider]
    public async Task Create_OwnId_KeepsIt(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var created = await client.PostAsJsonAsync("/api/v1/users", new { id = 700_001, language = "en", country = "GB", device = "web" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(700_001, (await ApiJson.ReadAsync(created)).GetProperty("id").GetInt64());
    }

    [Theory, EachProvider]
    public async Task Create_InvalidFields_Returns400KeyedByFieldAndStoresNothing(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        var before = await factory.CountUsersAsync();

        using var response = await client.PostAsJsonAsync("/api/v1/users", new { id = -4, language = "english", device = "fridge" });

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The id must be a positive whole number.", ApiJson.Error(problem, "id"));
        Assert.Equal("\"english\" is not a language code; use two letters such as \"en\" or \"pt\".", ApiJson.Error(problem, "language"));
        Assert.Equal("The country is required, as a two-letter ISO 3166-1 code such as \"US\".", ApiJson.Error(problem, "country"));
        Assert.Equal("\"fridge\" is not a device type; use ios, android, web or tablet.", ApiJson.Error(problem, "device"));
        Assert.Equal(before, await factory.CountUsersAsync());
    }

    [Theory, EachProvider]
    public async Task Create_ExistingId_Returns409(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.PostAsJsonAsync("/api/v1/users", new { id = 1, language = "en", country = "US", device = "ios" });

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("A user with id 1 already exists.", ApiJson.Detail(problem));
        Assert.Equal("A user with id 1 already exists.", ApiJson.Error(problem, "id"));
    }

    [Theory, EachProvider]
    public async Task Create_SameIdTwiceAtOnce_OneIsCreatedTheOtherIsAConflict(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        var body = new { id = 700_100, language = "en", country = "US", device = "ios" };

        var responses = await Task.WhenAll(client.PostAsJsonAsync("/api/v1/users", body), client.PostAsJsonAsync("/api/v1/users", body));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        await ApiJson.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
        Array.ForEach(responses, r => r.Dispose());
    }

    [Theory]
    [InlineData("""{"language": }""", "The request body is not valid JSON (line 1, position 14).")]
    [InlineData("""{"language":"en","country":"US","device":"ios"} trailing""", "The request body is not valid JSON (line 1, position 49).")]
    [InlineData("""[{"language":"en"}]""", "The request body must be a JSON object.")]
    [InlineData("", "The request needs a JSON body.")]
    public async Task Create_UnreadableBody_Returns400WithAPlainMessage(string body, string message)
    {
        var factory = await apps.ForAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreateApiClient();
        var before = await factory.CountUsersAsync();

        using var response = await client.PostAsync("/api/v1/users", ApiJson.Body(body));

        Assert.Equal(message, ApiJson.Detail(await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest)));
        Assert.Equal(before, await factory.CountUsersAsync());
    }

    [Theory]
    [InlineData("""{"language": 5, "country": "US", "device": "ios"}""", "language", "This value must be a string.")]
    [InlineData("""{"language": "en", "country": ["US"], "device": "ios"}""", "country", "This value must be a string.")]
    [InlineData("""{"id": "42", "language": "en", "country": "US", "device": "ios"}""", "id", "This value must be a whole number.")]
    [InlineData("""{"id": 4.5, "language": "en", "country": "US", "device": "ios"}""", "id", "This value must be a whole number.")]
    [InlineData("""{"id": true, "language": "en", "country": "US", "device": "ios"}""", "id", "This value must be a whole number.")]
    public async Task Create_ValueOfTheWrongType_Returns400NamingTheField(string body, string field, string message)
    {
        var factory = await apps.ForAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreateApiClient();
        var before = await factory.CountUsersAsync();

        using var response = await client.PostAsync("/api/v1/users", ApiJson.Body(body));

        Assert.Equal(message, ApiJson.Error(await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest), field));
        Assert.Equal(before, await factory.CountUsersAsync());
    }

    [Theory, EachProvider]
    public async Task Create_JsonNestedDeeperThan32_Returns400(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();
        var deep = "{\"language\":\"en\",\"country\":\"US\",\"device\":\"ios\",\"extra\":" + new string('[', 40) + new string(']', 40) + "}";

        using var response = await client.PostAsync("/api/v1/users", ApiJson.Body(deep));

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The JSON is nested too deeply: at most 32 levels are allowed.", ApiJson.Detail(problem));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Create_NotJson_Returns415(string contentType)
    {
        var factory = await apps.ForAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreateApiClient();

        using var response = await client.PostAsync("/api/v1/users", ApiJson.Body("""{"language":"en","country":"US","device":"ios"}""", contentType));

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Send the request body as JSON, with the header Content-Type: application/json.", ApiJson.Detail(problem));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Create_BodyOver16KB_Returns413(bool declaredLength)
    {
        var factory = await apps.ForAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreateApiClient();
        var json = Encoding.UTF8.GetBytes("{\"language\":\"" + new string('e', 17 * 1024) + "\",\"country\":\"US\",\"device\":\"ios\"}");
        HttpContent content = declaredLength ? new ByteArrayContent(json) : new StreamContent(new MemoryStream(json));
        content.Headers.ContentType = new("application/json");
        var before = await factory.CountUsersAsync();

        using var response = await client.PostAsync("/api/v1/users", content);

        var problem = await ApiJson.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("The request body is too large: this route accepts at most 16 KB.", ApiJson.Detail(problem));
        Assert.Equal(before, await factory.CountUsersAsync());
    }

    [Theory, EachProvider]
    public async Task Get_UnknownUser_Returns404(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync("/api/v1/users/123456789");

        Assert.Equal("There is no user 123456789.", ApiJson.Detail(await ApiJson.ProblemAsync(response, HttpStatusCode.NotFound)));
    }

    [Theory, EachProvider]
    public async Task Get_IdNotANumber_Returns400NamingTheId(DatabaseProvider provider)
    {
        var factory = await apps.ForAsync(provider);
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync("/api/v1/users/abc");

        Assert.Equal("\"abc\" is not a whole number.", ApiJson.Error(await ApiJson.ProblemAsync(response, HttpStatusCode.BadRequest), "id"));
    }
}

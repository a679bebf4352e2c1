using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Portal.Tests.Web.Api;

/// <summary>
/// Thousands of generated malformed requests against every API route — wrong types, huge strings, odd Unicode,
/// negative, NaN and infinite numbers, deep JSON, oversized bodies, wrong content types, missing or wrong keys —
/// with valid event batches mixed in. No answer may be a 5xx, every 4xx must be problem details, every valid event
/// must be stored, and memory must not grow.
/// </summary>
public sealed class ApiFuzzTests(ApiFuzzTests.Factory factory) : IClassFixture<ApiFuzzTests.Factory>
{
    private const int RequestsPerRoute = 10_000;

    public sealed class Factory() : ApiAppFactory(new Dictionary<string, string?>
    {
        ["Portal:Api:RequestsPerSecond"] = "1000000",
        ["Portal:Api:Burst"] = "1000000",
    });

    private static readonly string[] Routes = ["POST /api/v1/users", "GET /api/v1/users/{id}", "GET /api/v1/users/{id}/feed", "POST /api/v1/events"];

    [Fact]
    public async Task MalformedRequests_NeverA5xx_AlwaysProblemDetails_AndNoValidEventLost()
    {
        using var client = factory.CreateApiClient();
        using var noKey = factory.CreateApiClient("");
        using var wrongKey = factory.CreateApiClient("pk_not-a-real-key");
        var random = new Random(20_261_127);
        var validEvents = 0;
        var eventsBefore = await factory.CountEventsAsync();
        var statuses = new Dictionary<int, int>();
        long memoryAfterWarmUp = 0;

        for (var i = 0; i < RequestsPerRoute * Routes.Length; i++)
        {
            if (i == 2_000)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                memoryAfterWarmUp = GC.GetTotalMemory(forceFullCollection: true);
            }

            // One request in 50 is a valid batch that must be stored.
            if (i % 50 == 0)
            {
                var at = DateTime.UtcNow.AddSeconds(-5).ToString("O");
                using var valid = await client.PostAsync("/api/v1/events", Json($$"""{"events":[{"userId":{{1 + i % 60}},"videoId":{{1 + i % 400}},"kind":"impression","at":"{{at}}"}]}"""));
                Assert.Equal(HttpStatusCode.Accepted, valid.StatusCode);
                validEvents++;
                continue;
            }

            var route = Routes[i % Routes.Length];
            var sender = random.Next(40) switch { 0 => noKey, 1 => wrongKey, _ => client };
            using var request = Malformed(route, random);
            using var response = await sender.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status < 500, $"{request.Method} {request.RequestUri} answered {status}: {body}");
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                using var problem = JsonDocument.Parse(body);
                Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
                Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
            }
        }

        Assert.Equal(eventsBefore + validEvents, await factory.CountEventsAsync());
        Assert.True(statuses.Keys.Count(s => s >= 400) >= 5, "the generator should reach many kinds of refusal: " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var memoryAtEnd = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(memoryAtEnd - memoryAfterWarmUp < 64 * 1024 * 1024, $"managed memory grew from {memoryAfterWarmUp / 1_048_576} MB to {memoryAtEnd / 1_048_576} MB");
    }

    private static HttpRequestMessage Malformed(string route, Random random)
    {
        var (method, path) = route.Split(' ') switch { var parts => (new HttpMethod(parts[0]), parts[1]) };
        var id = OddId(random);
        var uri = path.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);
        if (route.EndsWith("/feed", StringComparison.Ordinal) && random.Next(2) == 0)
        {
            uri += $"?explain={Uri.EscapeDataString(OddScalarText(random))}&device={Uri.EscapeDataString(OddScalarText(random))}&country={Uri.EscapeDataString(OddScalarText(random))}";
        }

        var request = new HttpRequestMessage(method, uri);
        if (method == HttpMethod.Post)
        {
            request.Content = route.Contains("events", StringComparison.Ordinal) ? EventsBody(random) : UsersBody(random);
        }
        else if (random.Next(20) == 0)
        {
            request.Content = Json("{\"unexpected\": true}");
        }

        return request;
    }

    private static HttpContent UsersBody(Random random) => random.Next(10) switch
    {
        0 => RawBody(random),
        1 => Oversized(20_000),
        _ => Json($$"""{"id":{{OddValue(random)}},"language":{{OddValue(random)}},"country":{{OddValue(random)}},"device":{{OddValue(random)}}}"""),
    };

    private static HttpContent EventsBody(Random random) => random.Next(10) switch
    {
        0 => RawBody(random),
        1 => Oversized(600_000),
        2 => Json("{\"events\":" + string.Concat(Enumerable.Repeat("[", 10 + random.Next(5_000))) + "]}"),
        3 => Json("{\"events\":[" + string.Join(",", Enumerable.Range(0, 1_001 + random.Next(200)).Select(_ => "{\"userId\":1,\"videoId\":1,\"kind\":\"like\"}")) + "]}"),
        _ => Json("{\"events\":[" + string.Join(",", Enumerable.Range(0, 1 + random.Next(4)).Select(_ =>
            $$"""{"userId":{{OddValue(random)}},"videoId":{{OddValue(random)}},"kind":{{OddValue(random)}},"watchFraction":{{OddValue(random)}},"at":{{OddValue(random)}},"device":{{OddValue(random)}}}""")) + "]}"),
    };

    /// <summary>A JSON value of the wrong type, out of range, odd or huge — written as JSON text (or, sometimes, as something that is not JSON at all).</summary>
    private static string OddValue(Random random) => random.Next(22) switch
    {
        0 => "null",
        1 => "true",
        2 => "-1",
        3 => "0",
        4 => "1e308",
        5 => "-1e308",
        6 => "NaN",
        7 => "Infinity",
        8 => "99999999999999999999999999",
        9 => "1.5",
        10 => "[]",
        11 => "{}",
        12 => JsonSerializer.Serialize(new string('x', 100_000)),
        13 => "\"\\uD800\"",
        14 => JsonSerializer.Serialize("\u202Eevil\u200B\u0000zero"),
        15 => JsonSerializer.Serialize("🏀🔥𝕏"),
        16 => "\"2999-01-01T00:00:00Z\"",
        17 => "\"not a date\"",
        18 => "\"superlike\"",
        19 => "\"1\"",
        20 => "'single'",
        _ => JsonSerializer.Serialize(random.Next(3) switch { 0 => "en", 1 => "US", _ => "ios" }),
    };

    private static string OddScalarText(Random random) => random.Next(8) switch
    {
        0 => "",
        1 => new string('y', 5_000),
        2 => "\u0000",
        3 => "🏀",
        4 => "-1",
        5 => "web",
        6 => "ZZ",
        _ => "true",
    };

    private static string OddId(Random random) => random.Next(10) switch
    {
        0 => "-1",
        1 => "0",
        2 => "99999999999999999999999",
        3 => "abc",
        4 => "1.5",
        5 => "%00",
        6 => "🏀",
        7 => new string('9', 2_000),
        8 => "987654321",
        _ => (1 + random.Next(60)).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static HttpContent RawBody(Random random)
    {
        var bytes = new byte[random.Next(1, 2_000)];
        random.NextBytes(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(random.Next(4) switch
        {
            0 => "application/json",
            1 => "text/plain",
            2 => "application/xml",
            _ => "multipart/form-data",
        });
        return content;
    }

    private static HttpContent Oversized(int bytes) => Json("{\"padding\":\"" + new string('z', bytes) + "\"}");

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Cli;
using Portal.Engine.Feed;
using Portal.Engine.Training;
using Portal.Tests.Engine;

namespace Portal.Tests.Web.Faults;

/// <summary>The process killed with SIGKILL mid-way, as in a crash: on restart nothing acknowledged is lost and the active model serves.</summary>
[Collection(nameof(CrashRecoveryTests))]
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Kill_DuringIngestion_EveryAcknowledgedEventIsThereAfterARestart()
    {
        await using var database = await EngineTestDatabase.CreateAsync();
        await database.SeedAsync();
        var portalPath = Path.Combine(Path.GetDirectoryName(database.FilePath)!, "portal.db");
        var key = await CreateKeyAsync(portalPath);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<(string Key, int Count)>();
        using (var first = PortalProcess.Serve(database.FilePath, portalPath, database.ModelsPath))
        {
            client.BaseAddress = first.Address;
            await first.WaitUntilServingAsync(client, 1, TimeSpan.FromMinutes(2));
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 4).Select(s => Task.Run(async () =>
            {
                for (var b = 0; !stop.IsCancellationRequested; b++)
                {
                    var idempotencyKey = $"crash-{s}-{b}";
                    var at = DateTime.UtcNow.AddSeconds(-1);
                    var events = Enumerable.Range(0, 200).Select(i => new { userId = 1 + (i + b) % 60, videoId = 1 + (i * 7 + b + s) % 400, kind = "impression", at }).ToArray();
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = JsonContent.Create(new { events }) };
                        request.Headers.Add("Idempotency-Key", idempotencyKey);
                        using var response = await client.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            acknowledged.Add((idempotencyKey, events.Length));
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return;
                    }
                }
            })).ToList();

            while (acknowledged.Count < 20)
            {
                await Task.Delay(20);
            }

            first.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        using var second = PortalProcess.Serve(database.FilePath, portalPath, database.ModelsPath);
        using var again = new HttpClient { BaseAddress = second.Address, Timeout = TimeSpan.FromSeconds(10) };
        again.DefaultRequestHeaders.Add("X-Api-Key", key);
        await second.WaitUntilServingAsync(again, 2, TimeSpan.FromMinutes(2));

        await using var connection = new SqliteConnection($"Data Source={database.FilePath}");
        await connection.OpenAsync();
        foreach (var (idempotencyKey, count) in acknowledged)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Events e JOIN IngestKeys k ON e.Id BETWEEN k.FirstEventId AND k.FirstEventId + k.Count - 1 WHERE k.Key = $key";
            command.Parameters.AddWithValue("$key", idempotencyKey);
            Assert.Equal(count, (long)(await command.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task Kill_DuringTraining_TheActiveModelServesAndTheRunIsMarkedFailed()
    {
        await using var database = await EngineTestDatabase.CreateSeededAsync(Portal.Engine.Synthetic.WorldPresets.Small, settings: new Dictionary<string, string?> { ["Engine:Training:StaleRunMinutes"] = "0" });
        var first = await database.Get<TrainingPipeline>().RunAsync("test");
        if (!first.Promoted)
        {
            await database.Get<ModelRegistry>().PromoteAsync(first.VersionId, "test", "serve it");
        }

        var portalPath = Path.Combine(Path.GetDirectoryName(database.FilePath)!, "portal.db");
        using (var training = PortalProcess.Verb(database.FilePath, portalPath, database.ModelsPath, "train"))
        {
            await training.WaitForOutputAsync(line => line.Contains("collaborative factors", StringComparison.Ordinal), TimeSpan.FromMinutes(3));
            training.KillHard();
        }

        // A restart a minute later (the child ran on the real clock): the engine recovers the interrupted run and loads the active version.
        database.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(1, await database.Get<ModelRegistry>().RecoverInterruptedAsync());
        var serving = database.Get<ServingState>();
        await serving.ReloadAsync();

        Assert.Equal(first.Version, serving.Current.Model.Version);
        Assert.Null(serving.ModelLoadError);
        var versions = await database.Get<ModelRegistry>().ListAsync();
        var interrupted = versions.Single(v => v.Id != first.VersionId);
        Assert.Equal(ModelStatus.Failed, interrupted.Status);
        Assert.Contains("Interrupted", interrupted.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(database.ModelsPath, interrupted.Version)));
        var batch = (await database.Get<FeedService>().NextBatchAsync(new FeedRequest(3)))!;
        Assert.Equal(first.Version, batch.ModelVersion);
    }

    private static async Task<string> CreateKeyAsync(string portalPath)
    {
        using var output = new StringWriter();
        var code = await CliApp.RunAsync(["apikey", "create", "--name", "crash-test", "--db", portalPath], new CliConsole(output, TextWriter.Null));
        Assert.Equal(CliExitCodes.Success, code);
        return output.ToString().Trim().Split('\n').Last().Trim();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Portal.Auth.ApiKeys;
using Portal.Engine;
using Portal.Engine.Events;
using Portal.Engine.Storage;
using Portal.Engine.Synthetic;
using Portal.Storage;

namespace Portal.Cli;

/// <summary>
/// <c>load</c>: a bounded load test on loopback. Starts the portal as a child process on 127.0.0.1 over its own
/// databases, posts a fixed number of events from many clients in batches (each with an idempotency key, retried with
/// the same key after a timeout) while other clients request feeds, then stops the portal and checks the database:
/// every acknowledged event stored exactly once (count and checksum). Prints events/s, feed latency under load and
/// the portal's peak memory as JSON lines.
/// </summary>
public sealed class LoadVerb(CliConsole console) : ICliVerb
{
    private static readonly string[] ValueOptions = ["events", "clients", "batch", "feed-clients", "preset", "db", "timeout-ms", "short-timeout-share"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "load";

    public string Summary => "Load-test the portal on loopback: events from many clients with idempotent retries while others read feeds; then check nothing was lost or doubled.";

    public string Usage => """
        load [--events 1000000] [--clients 16] [--batch 1000] [--feed-clients 4] [--preset demo] [--db PATH]
             [--timeout-ms 10000] [--short-timeout-share 0.01]

        --events N               events to post in all (stops by itself after them); default 1,000,000
        --clients N              clients posting event batches at once; default 16
        --batch N                events per request (1 to 1,000); default 1,000
        --feed-clients N         clients asking for feeds meanwhile; default 4
        --preset NAME            the world loaded into a fresh database first; default demo
        --db PATH                the engine database to load into; default data/load-PRESET.db (never the portal's own)
        --timeout-ms N           a request's timeout before it is retried with the same idempotency key; default 10,000
        --short-timeout-share X  share of requests sent with a 1 ms timeout first, to exercise retries; default 0.01

        The portal runs as a child process on 127.0.0.1 only, and is stopped at the end.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var options = CliOptions.Parse(Name, args, ValueOptions, []);
        var total = Positive(options.Int(Name, "events", 1_000_000), "events");
        var clients = Positive(options.Int(Name, "clients", 16), "clients");
        var batchSize = options.Int(Name, "batch", 1_000);
        if (batchSize is < 1 or > 1_000)
        {
            throw new CliUsageException("Option --batch of 'load' must be between 1 and 1,000.");
        }

        var feedClients = options.Int(Name, "feed-clients", 4);
        var timeout = TimeSpan.FromMilliseconds(Positive(options.Int(Name, "timeout-ms", 10_000), "timeout-ms"));
        var shortShare = double.TryParse(options.Value("short-timeout-share") ?? "0.01", System.Globalization.CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
            ? share
            : throw new CliUsageException("Option --short-timeout-share of 'load' must be a number between 0 and 1.");
        var presetName = options.Value("preset") ?? WorldPresets.Demo.Name;
        if (!WorldPresets.TryGet(presetName, out var preset))
        {
            throw new CliUsageException($"Unknown preset '{presetName}'. Valid presets: {string.Join(", ", WorldPresets.All.Select(p => p.Name))}.");
        }

        var enginePath = Path.GetFullPath(options.Value("db") ?? Path.Combine("data", $"load-{preset.Name}.db"));
        var portalPath = Path.Combine(Path.GetDirectoryName(enginePath)!, Path.GetFileNameWithoutExtension(enginePath) + "-portal.db");
        var (users, videos) = await PrepareWorldAsync(enginePath, preset, ct);
        var key = await CreateKeyAsync(portalPath, ct);
        var startId = await MaxEventIdAsync(enginePath, ct);

        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        using var server = StartPortal(enginePath, portalPath, baseAddress);
        try
        {
            await WaitUntilServingAsync(baseAddress, key, users[0], server, ct);
            console.Out.WriteLine($"Portal serving on {baseAddress} (process {server.Id}); posting {total:N0} events from {clients} clients in batches of {batchSize:N0}, {feedClients} clients reading feeds.");

            var batches = (total + batchSize - 1) / batchSize;
            var runId = Guid.NewGuid().ToString("N")[..8];
            var acknowledged = new bool[batches];
            var checksum = new ulong[batches];
            var counts = new int[batches];
            long retries = 0, replayed = 0;
            var next = -1;
            var stop = new CancellationTokenSource();
            var feedLatencies = new List<double>();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + feedClients + 4 }) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);

            var readers = Enumerable.Range(0, feedClients).Select(r => Task.Run(async () =>
            {
                var random = new Random(r);
                var mine = new List<double>();
                while (!stop.IsCancellationRequested)
                {
                    var t = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await http.GetAsync($"api/v1/users/{users[random.Next(users.Length)]}/feed", stop.Token);
                        if (response.IsSuccessStatusCode)
                        {
                            mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                        }
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                lock (feedLatencies)
                {
                    feedLatencies.AddRange(mine);
                }
            })).ToList();

            var clock = Stopwatch.StartNew();
            var writers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                var random = new Random(1_000 + c);
                int index;
                while ((index = Interlocked.Increment(ref next)) < batches)
                {
                    var size = Math.Min(batchSize, total - index * batchSize);
                    var (body, sum) = Batch(index, size, users, videos);
                    var idempotencyKey = $"load-{runId}-{index}";
                    for (var attempt = 0; ; attempt++)
                    {
                        var attemptTimeout = attempt == 0 && random.NextDouble() < shortShare ? TimeSpan.FromMilliseconds(1) : timeout;
                        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
                        cancel.CancelAfter(attemptTimeout);
                        try
                        {
                            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/events") { Content = JsonContent.Create(body, options: Json) };
                            request.Headers.Add("Idempotency-Key", idempotencyKey);
                            using var response = await http.SendAsync(request, cancel.Token);
                            if (response.StatusCode == HttpStatusCode.Accepted)
                            {
                                if (response.Headers.Contains("Idempotent-Replayed"))
                                {
                                    Interlocked.Increment(ref replayed);
                                }

                                acknowledged[index] = true;
                                checksum[index] = sum;
                                counts[index] = size;
                                break;
                            }

                            if (attempt >= 5 || (int)response.StatusCode is >= 400 and < 500 and not 429)
                            {
                                throw new InvalidOperationException($"Batch {index} was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                            }
                        }
                        catch (OperationCanceledException) when (!ct.IsCancellationRequested && attempt < 5)
                        {
                            // Timed out: the server may or may not have stored it; the retry carries the same key.
                        }
                        catch (HttpRequestException) when (attempt < 5)
                        {
                        }

                        Interlocked.Increment(ref retries);
                        await Task.Delay(TimeSpan.FromMilliseconds(50 * (attempt + 1)), ct);
                    }
                }
            }, ct)).ToList();

            await Task.WhenAll(writers);
            var seconds = clock.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await Task.WhenAll(readers);
            var peakMegabytes = PeakResidentMegabytes(server.Id);

            StopPortal(server);
            var expectedCount = counts.Sum(c => (long)c);
            var expectedChecksum = checksum.Aggregate(0UL, (a, b) => a + b);
            var (storedCount, storedChecksum) = await StoredAsync(enginePath, startId, ct);
            var intact = storedCount == expectedCount && storedChecksum == expectedChecksum && acknowledged.All(a => a);

            var sorted = feedLatencies.Order().ToArray();
            double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
            Emit("load_events_per_s", new { eventsPerSecond = Math.Round(expectedCount / seconds), events = expectedCount, seconds = Math.Round(seconds, 2), clients, batchSize, retries, replayed });
            Emit("load_feed_ms", new { n = sorted.Length, p50 = Math.Round(At(0.5), 3), p99 = Math.Round(At(0.99), 3), max = Math.Round(sorted.LastOrDefault(), 3), feedClients });
            Emit("load_server_peak_rss_mb", new { megabytes = peakMegabytes });
            Emit("load_integrity", new { acknowledged = expectedCount, stored = storedCount, checksumMatches = storedChecksum == expectedChecksum, intact });
            if (!intact)
            {
                console.Error.WriteLine($"Integrity check failed: {expectedCount:N0} acknowledged, {storedCount:N0} stored, checksums {(storedChecksum == expectedChecksum ? "match" : "differ")}.");
                return CliExitCodes.Failed;
            }

            console.Out.WriteLine($"Every acknowledged event is stored exactly once ({storedCount:N0} events, checksum matches).");
            return CliExitCodes.Success;
        }
        finally
        {
            StopPortal(server);
        }
    }

    /// <summary>One batch's body and the order-independent checksum of its events as they will be stored.</summary>
    private static (object Body, ulong Checksum) Batch(int index, int size, long[] users, int[] videos)
    {
        var random = new Random(index);
        var now = DateTime.UtcNow;
        var events = new object[size];
        var sum = 0UL;
        for (var i = 0; i < size; i++)
        {
            var user = users[random.Next(users.Length)];
            var video = videos[random.Next(videos.Length)];
            var kind = random.NextDouble() switch { < 0.5 => EngagementKind.Impression, < 0.8 => EngagementKind.Watch, < 0.9 => EngagementKind.Skip, _ => EngagementKind.Like };
            var at = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond - random.Next(3_600_000) * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
            events[i] = new { userId = user, videoId = video, kind = EngagementKinds.NameOf(kind), at };
            sum += EventHash(user, video, (int)kind, UtcDateTimeConverter.ToUnixMilliseconds(at));
        }

        return (new { events }, sum);
    }

    private static ulong EventHash(long user, int video, int kind, long atMs)
    {
        var h = 14_695_981_039_346_656_037UL;
        foreach (var part in new[] { (ulong)user, (ulong)video, (ulong)kind, (ulong)atMs })
        {
            h = (h ^ part) * 1_099_511_628_211UL;
            h ^= h >> 29;
        }

        return h;
    }

    private async Task<(long[] Users, int[] Videos)> PrepareWorldAsync(string enginePath, WorldPreset preset, CancellationToken ct)
    {
        var builder = CliHost.CreateBuilder(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = enginePath }.ToString(),
        });
        builder.Services.AddPortalEngine(builder.Configuration);
        using var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        await using (var connection = new SqliteConnection($"Data Source={enginePath}"))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Videos";
            if ((long)(await command.ExecuteScalarAsync(ct))! == 0)
            {
                console.Out.WriteLine($"Loading the {preset.Name} world into {enginePath} first...");
                await host.Services.GetRequiredService<WorldSeeder>().SeedAsync(preset, 42, force: false, ct: ct);
            }
        }

        await using var read = new SqliteConnection($"Data Source={enginePath}");
        await read.OpenAsync(ct);
        var users = new List<long>();
        var videos = new List<int>();
        await using (var command = read.CreateCommand())
        {
            command.CommandText = "SELECT Id FROM AppUsers ORDER BY Id";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                users.Add(reader.GetInt64(0));
            }
        }

        await using (var command = read.CreateCommand())
        {
            command.CommandText = "SELECT Id FROM Videos ORDER BY Id";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                videos.Add(reader.GetInt32(0));
            }
        }

        return ([.. users], [.. videos]);
    }

    private static async Task<string> CreateKeyAsync(string portalPath, CancellationToken ct)
    {
        var builder = CliHost.CreateBuilder(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{PortalStorageOptions.ConnectionStringName}"] = new SqliteConnectionStringBuilder { DataSource = portalPath }.ToString(),
            [$"{PortalStorageOptions.SectionName}:{nameof(PortalStorageOptions.Provider)}"] = nameof(DatabaseProvider.Sqlite),
        });
        builder.Services.AddPortalStorage(builder.Configuration);
        builder.Services.AddApiKeyDirectory();
        using var host = builder.Build();
        await host.Services.GetRequiredService<PortalDatabaseInitializer>().InitializeAsync(ct);
        var creation = await host.Services.GetRequiredService<ApiKeyDirectory>().CreateAsync($"load test {DateTime.UtcNow:yyyyMMddHHmmssfff}", "load verb", ct: ct);
        return creation.Secret ?? throw new InvalidOperationException(string.Join(" ", creation.Errors.Values));
    }

    private static Process StartPortal(string enginePath, string portalPath, Uri address)
    {
        var entry = typeof(LoadVerb).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(entry);
        }

        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Engine"] = $"Data Source={enginePath}";
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={portalPath}";
        start.Environment["Engine__World__SeedOnFirstStart"] = "false";
        start.Environment["Portal__Admin__Password"] = "Load-" + Guid.NewGuid().ToString("N") + "!";
        start.Environment["Portal__Api__RequestsPerSecond"] = "1000000";
        start.Environment["Portal__Api__Burst"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Portal"] = "Warning";
        start.Environment["Logging__LogLevel__Portal.Engine"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The portal could not be started.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void StopPortal(Process server)
    {
        try
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static async Task WaitUntilServingAsync(Uri address, string key, long user, Process server, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The portal stopped with exit code {server.ExitCode} before it served.");
            }

            try
            {
                using var response = await http.GetAsync($"api/v1/users/{user}/feed", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException("The portal did not start serving feeds within 3 minutes.");
    }

    private static async Task<long> MaxEventIdAsync(string enginePath, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={enginePath}");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(Id), 0) FROM Events";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<(long Count, ulong Checksum)> StoredAsync(string enginePath, long afterId, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={enginePath}");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT UserId, VideoId, Kind, At FROM Events WHERE Id > $after";
        command.Parameters.AddWithValue("$after", afterId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        long count = 0;
        var sum = 0UL;
        while (await reader.ReadAsync(ct))
        {
            count++;
            sum += EventHash(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3));
        }

        return (count, sum);
    }

    /// <summary>The peak resident set of a process (VmHWM), in megabytes; 0 where /proc does not say.</summary>
    private static long PeakResidentMegabytes(int processId)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Emit(string metric, object value) =>
        console.Out.WriteLine(JsonSerializer.Serialize(new { metric, value, machine = new { cores = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription } }, Json));

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new CliUsageException($"Option --{option} of 'load' must be a positive whole number.");
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Web.Faults;

/// <summary>
/// The built portal running as a real child process (<c>dotnet Portal.dll</c>) over given database files, so that a
/// test can kill it with SIGKILL as a crash would, and start it again.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PortalProcess(Process process, Uri? address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri? Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts the web portal on a free loopback port.</summary>
    public static PortalProcess Serve(string enginePath, string portalPath, string modelsPath, IDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = Environment(enginePath, portalPath, modelsPath, settings);
        environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        return new PortalProcess(Start([], environment), address);
    }

    /// <summary>Runs a command-line verb of the portal (e.g. <c>train</c>).</summary>
    public static PortalProcess Verb(string enginePath, string portalPath, string modelsPath, params string[] args) =>
        new(Start(args, Environment(enginePath, portalPath, modelsPath, null)), null);

    /// <summary>Kills the process at once (SIGKILL on Linux): no shutdown code runs, as in a crash.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public async Task WaitForOutputAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_output.Any(predicate))
        {
            if (_process.HasExited && !_output.Any(predicate))
            {
                throw new InvalidOperationException("The process ended before printing what was expected:\n" + string.Join("\n", _output));
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The process did not print what was expected in time:\n" + string.Join("\n", _output));
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the portal answers feed requests for <paramref name="userId"/> with the API key.</summary>
    public async Task WaitUntilServingAsync(HttpClient client, long userId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal stopped (exit code {_process.ExitCode}):\n" + string.Join("\n", _output));
            }

            try
            {
                using var response = await client.GetAsync($"/api/v1/users/{userId}/feed");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The portal did not serve feeds in time:\n" + string.Join("\n", _output));
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static Dictionary<string, string> Environment(string enginePath, string portalPath, string modelsPath, IDictionary<string, string>? settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Engine"] = $"Data Source={enginePath}",
            ["ConnectionStrings__Portal"] = $"Data Source={portalPath}",
            ["Engine__World__SeedOnFirstStart"] = "false",
            ["Engine__Training__ArtifactsPath"] = modelsPath,
            ["Engine__Training__StaleRunMinutes"] = "0",
            ["Portal__Admin__Password"] = "Fault-Test-Passw0rd!",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    private static Process Start(IEnumerable<string> args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The portal could not be started.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

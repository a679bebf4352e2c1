using Portal.Engine.Synthetic;

namespace Portal.Cli;

/// <summary>Prints seeding progress as it happens (not through a thread-pool <see cref="Progress{T}"/>): a line per 10 %.</summary>
internal sealed class SeedProgressPrinter(TextWriter output) : IProgress<WorldSeedProgress>
{
    private readonly Lock _gate = new();
    private int _lastBucket = -1;

    public void Report(WorldSeedProgress value)
    {
        var bucket = (int)Math.Floor(Math.Clamp(value.Percent, 0, 100) / 10);
        lock (_gate)
        {
            if (bucket <= _lastBucket)
            {
                return;
            }

            _lastBucket = bucket;
            output.WriteLine($"  {bucket * 10,3} %  {value.Stage}");
        }
    }
}

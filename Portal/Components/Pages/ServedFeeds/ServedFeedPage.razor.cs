using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Engine.Catalog;
using Portal.Engine.Feed;

namespace Portal.Components.Pages.ServedFeeds;

/// <summary>
/// One logged batch, shown with the preview's cards (reasons, scores, rule effects, versions), and a Replay button
/// that rebuilds it with <see cref="FeedReplayer"/> and says whether it reproduces item for item.
/// </summary>
public partial class ServedFeedPage
{
    [Inject]
    private ServedLogQueries Queries { get; set; } = default!;

    [Inject]
    private FeedReplayer Replayer { get; set; } = default!;

    [Inject]
    private CatalogLookup Catalog { get; set; } = default!;

    [Inject]
    private ILogger<ServedFeedPage> Log { get; set; } = default!;

    [Parameter]
    public Guid RequestId { get; set; }

    private readonly List<BreadcrumbItem> _breadcrumbs = [new("Served feeds", "served-feeds"), new("Batch", null, disabled: true)];
    private FeedBatch? _batch;
    private ReplayResult? _replay;
    private bool _loading = true;
    private bool _replaying;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _replay = null;
        _error = null;
        try
        {
            var detail = await Queries.GetAsync(RequestId);
            _batch = detail is null ? null : await ToBatchAsync(detail);
            _breadcrumbs[1] = new BreadcrumbItem(_batch is null ? "Batch" : $"User {_batch.UserId}, batch {_batch.BatchNumber}", null, disabled: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Reading served batch {RequestId} failed", RequestId);
            _error = "This batch could not be read just now. Try again in a moment; if it keeps failing, the log says why.";
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task ReplayAsync()
    {
        _replaying = true;
        _error = null;
        try
        {
            _replay = await Replayer.ReplayAsync(RequestId);
            if (_replay is null)
            {
                _error = "The batch is no longer in the served log.";
            }
            else if (_replay.Replayed is { } replayed)
            {
                // The replayed batch gets the catalog's captions too.
                var videos = await Catalog.GetVideosAsync(replayed.Items.Select(i => i.VideoId).ToList());
                _replay = _replay with { Replayed = replayed with { Items = [.. replayed.Items.Select(i => videos.TryGetValue(i.VideoId, out var v) ? i with { Hashtags = v.Hashtags } : i)] } };
            }
        }
        catch (EngineNotReadyException)
        {
            _error = "The engine is still starting; try the replay again in a few seconds.";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Replaying {RequestId} failed", RequestId);
            _error = "The replay failed. Try again; if it keeps failing, the log says why.";
        }
        finally
        {
            _replaying = false;
        }
    }

    private async Task<FeedBatch> ToBatchAsync(ServedBatchDetail detail)
    {
        var videos = await Catalog.GetVideosAsync(detail.Items.Select(i => i.VideoId).ToList());
        return ServedBatchView.ToFeedBatch(detail, videos);
    }
}

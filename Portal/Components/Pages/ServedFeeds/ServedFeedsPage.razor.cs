using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Portal.Components.Shared;
using Portal.Engine.Feed;

namespace Portal.Components.Pages.ServedFeeds;

/// <summary>The served log, searched by user, time range and kind and paged on the server; a request id opens that batch.</summary>
public partial class ServedFeedsPage
{
    [Inject]
    private ServedLogQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<ServedFeedsPage> Log { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "user")]
    public long? User { get; set; }

    private MudDataGrid<ServedBatchSummary>? _grid;
    private string? _userText;
    private string? _userError;
    private long? _user;
    private DateTime? _from;
    private DateTime? _to;
    private FeedMode? _mode;
    private string? _requestText;
    private string? _requestError;
    private string? _error;

    protected override void OnInitialized()
    {
        _user = User;
        _userText = User?.ToString(CultureInfo.InvariantCulture);
    }

    private async Task<GridData<ServedBatchSummary>> LoadAsync(GridState<ServedBatchSummary> state, CancellationToken ct)
    {
        try
        {
            var from = _from is { } f ? DateTime.SpecifyKind(f.Date, DateTimeKind.Utc) : (DateTime?)null;
            var to = _to is { } t ? DateTime.SpecifyKind(t.Date.AddDays(1).AddTicks(-1), DateTimeKind.Utc) : (DateTime?)null;
            var page = await Queries.SearchAsync(_user, from, to, _mode, state.Page, state.PageSize, ct);
            _error = null;
            return new GridData<ServedBatchSummary> { Items = page.Items, TotalItems = page.Total };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Searching the served log failed");
            _error = "The served log could not be read just now. Try again in a moment; if it keeps failing, the log says why.";
            return new GridData<ServedBatchSummary> { Items = [], TotalItems = 0 };
        }
    }

    private Task UserChangedAsync(string? text)
    {
        _userText = text;
        if (string.IsNullOrWhiteSpace(text))
        {
            _userError = null;
            _user = null;
            return ReloadAsync();
        }

        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            _userError = "A user id is a whole number, such as 42.";
            return Task.CompletedTask;
        }

        _userError = null;
        _user = id;
        return ReloadAsync();
    }

    private Task FromChangedAsync(DateTime? date)
    {
        _from = date;
        return ReloadAsync();
    }

    private Task ToChangedAsync(DateTime? date)
    {
        _to = date;
        return ReloadAsync();
    }

    private Task ModeChangedAsync(string mode)
    {
        _mode = string.IsNullOrEmpty(mode) ? null : Enum.Parse<FeedMode>(mode);
        return ReloadAsync();
    }

    private void RequestKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            OpenRequest();
        }
    }

    private void OpenRequest()
    {
        if (Guid.TryParse(_requestText?.Trim(), out var id))
        {
            _requestError = null;
            Navigation.NavigateTo($"served-feeds/{id}");
        }
        else
        {
            _requestError = "A request id looks like 3f2b9c1e-8d4a-4c7b-9e21-5a6f0d3c2b10.";
        }
    }

    private void Open(DataGridRowClickEventArgs<ServedBatchSummary> row) => Navigation.NavigateTo($"served-feeds/{row.Item.RequestId}");

    private async Task ReloadAsync()
    {
        await _grid.ShowFirstPageAsync();
    }
}

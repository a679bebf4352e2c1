using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Engine.Catalog;
using Portal.Engine.Synthetic;

namespace Portal.Components.Pages.Overview;

public partial class OverviewPage
{
    [Inject]
    private CatalogStatistics Statistics { get; set; } = default!;

    [Inject]
    private WorldPreparation Preparation { get; set; } = default!;

    [Inject]
    private ILogger<OverviewPage> Log { get; set; } = default!;

    /// <summary>Counted once while prerendering and handed to the interactive render, so the database is read once per visit.</summary>
    [PersistentState]
    public CatalogSummary? Summary { get; set; }

    private bool _loading;
    private string? _error;
    private bool _wasPreparing;

    protected override async Task OnInitializedAsync()
    {
        _wasPreparing = Preparation.Status is WorldPreparationStatus.Checking or WorldPreparationStatus.Preparing;
        Preparation.Changed += OnPreparationChanged;
        if (Summary is null)
        {
            await LoadAsync();
        }
    }

    private Task RefreshAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            Summary = await Statistics.GetSummaryAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Counting the catalog failed");
            _error = "The engine database could not be read just now. Try again in a moment; if it keeps failing, check that the portal can reach its data folder.";
        }
        finally
        {
            _loading = false;
        }
    }

    private void OnPreparationChanged() => _ = InvokeAsync(async () =>
    {
        var preparing = Preparation.Status == WorldPreparationStatus.Checking || Preparation.IsInProgress();
        var finished = _wasPreparing && !preparing && Preparation.Status != WorldPreparationStatus.Failed;
        _wasPreparing = preparing;
        if (finished)
        {
            await LoadAsync();
        }

        StateHasChanged();
    });

    public void Dispose() => Preparation.Changed -= OnPreparationChanged;
}

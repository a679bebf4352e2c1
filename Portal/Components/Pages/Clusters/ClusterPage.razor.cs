using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Components.Pages.Clusters.Components;
using Portal.Components.Pages.Training;
using Portal.Components.Shared;
using Portal.Engine.Clustering;
using Portal.Engine.Feed;

namespace Portal.Components.Pages.Clusters;

/// <summary>One video cluster of the serving model: its facts and its videos, paged on the server from the snapshot.</summary>
public partial class ClusterPage
{
    [Parameter]
    public int Cluster { get; set; }

    [Inject]
    private ClusterInsights Insights { get; set; } = default!;

    [Inject]
    private ServingState Serving { get; set; } = default!;

    [Inject]
    private TrainingActions Actions { get; set; } = default!;

    [Inject]
    private VideoThumbnails Thumbnails { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private ClaimsPrincipal _staff = new();
    private bool _canRename;
    private VideoClusterSummary? _summary;
    private string _version = "";
    private int? _versionId;
    private MudDataGrid<ClusterVideo>? _grid;
    private List<BreadcrumbItem> _crumbs = [];

    protected override async Task OnInitializedAsync()
    {
        _staff = (await AuthenticationState).User;
        _canRename = await Actions.CanManageAsync(_staff);
    }

    protected override void OnParametersSet() => Load();

    private void Load()
    {
        if (!Serving.IsReady)
        {
            return;
        }

        var overview = Insights.Overview();
        _summary = overview.VideoClusters.FirstOrDefault(c => c.Cluster == Cluster);
        _version = overview.ModelVersion;
        _versionId = overview.ModelVersionId;
        _crumbs = [new("Clusters", "clusters"), new(_summary?.Name ?? $"Cluster {Cluster}", null, disabled: true)];
    }

    private Task<GridData<ClusterVideo>> LoadAsync(GridState<ClusterVideo> state, CancellationToken ct)
    {
        var page = Insights.Videos(Cluster, state.Page, state.PageSize);
        return Task.FromResult(new GridData<ClusterVideo> { Items = page.Items, TotalItems = page.Total });
    }

    private async Task RenameAsync()
    {
        if (_summary is null || _versionId is not { } versionId)
        {
            return;
        }

        var parameters = new DialogParameters<ClusterRenameDialog>
        {
            { d => d.Staff, _staff },
            { d => d.VersionId, versionId },
            { d => d.Cluster, _summary.Cluster },
            { d => d.Name, _summary.Name },
        };
        var dialog = await Dialogs.ShowAsync<ClusterRenameDialog>($"Rename “{_summary.Name}”", parameters);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string message })
        {
            Snackbar.Add(message, Severity.Success);
            Load();
        }
    }
}

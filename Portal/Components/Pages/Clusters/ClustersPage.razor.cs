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

/// <summary>
/// The clusters of the serving model, read from its snapshot through <see cref="ClusterInsights"/>: a map, the
/// engagement share, a card per video cluster, the user clusters and their affinity heat map. It follows swaps (a
/// promotion or a rename shows at once). Renaming needs <c>ManageTraining</c>, checked again on the server.
/// </summary>
public partial class ClustersPage
{
    [Inject]
    private ClusterInsights Insights { get; set; } = default!;

    [Inject]
    private ServingState Serving { get; set; } = default!;

    [Inject]
    private TrainingActions Actions { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<ClustersPage> Log { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private ClaimsPrincipal _staff = new();
    private bool _canRename;
    private ClusterOverview? _overview;
    private IReadOnlyList<(string, double)> _shares = [];
    private double _maxShare = 1;
    private int _shown = 12;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        _staff = (await AuthenticationState).User;
        _canRename = await Actions.CanManageAsync(_staff);
        Serving.Swapped += OnSwapped;
        if (Serving.IsReady)
        {
            Load();
        }
    }

    private void Load()
    {
        try
        {
            var overview = Insights.Overview();
            _shares = overview.VideoClusters.OrderByDescending(c => c.EngagementShare).Take(12).Select(c => (c.Name, c.EngagementShare)).ToList();
            _maxShare = overview.VideoClusters.Count == 0 ? 1 : Math.Max(1e-9, overview.VideoClusters.Max(c => c.EngagementShare));
            _overview = overview;
            _error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Reading the clusters failed");
            _error = "The clusters could not be read just now. Reload the page in a moment.";
        }
    }

    /// <summary>A new model, a rename or fresh popularity: show the clusters as they now serve.</summary>
    private void OnSwapped(ServingSnapshot snapshot)
    {
        if (_overview is not null && ReferenceEquals(snapshot.Model.Version, _overview.ModelVersion) && _overview.ModelVersionId == snapshot.Model.VersionId && !RenamedSince(snapshot))
        {
            return;
        }

        _ = InvokeAsync(() =>
        {
            Load();
            StateHasChanged();
        });
    }

    private bool RenamedSince(ServingSnapshot snapshot) =>
        _overview is null || _overview.VideoClusters.Count != snapshot.Model.Clusters.Count
        || _overview.VideoClusters.Any(c => c.Name != snapshot.Model.Clusters.Names[c.Cluster]);

    private void Open(int cluster) => Navigation.NavigateTo($"clusters/{cluster}");

    private async Task RenameAsync(VideoClusterSummary cluster)
    {
        if (_overview?.ModelVersionId is not { } versionId)
        {
            return;
        }

        var parameters = new DialogParameters<ClusterRenameDialog>
        {
            { d => d.Staff, _staff },
            { d => d.VersionId, versionId },
            { d => d.Cluster, cluster.Cluster },
            { d => d.Name, cluster.Name },
        };
        var dialog = await Dialogs.ShowAsync<ClusterRenameDialog>($"Rename “{cluster.Name}”", parameters);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string message })
        {
            Snackbar.Add(message, Severity.Success);
            Load();
        }
    }

    private static string Shares(IReadOnlyList<ShareOf> shares, Func<string, string> name) =>
        shares.Count == 0 ? "—" : string.Join(", ", shares.Take(3).Select(s => $"{name(s.Value)} {DisplayText.Percent(s.Share)}"));

    public void Dispose() => Serving.Swapped -= OnSwapped;
}

using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Auth.ApiKeys;
using Portal.Components.Pages.ApiKeys.Components;

namespace Portal.Components.Pages.ApiKeys;

public partial class ApiKeysPage
{
    [Inject]
    private ApiKeyDirectory Directory { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private MudDataGrid<ApiKeySummary> _grid = default!;

    private async Task<GridData<ApiKeySummary>> LoadAsync(GridState<ApiKeySummary> state, CancellationToken ct)
    {
        var page = await Directory.GetPageAsync(state.Page, state.PageSize, ct);
        return new GridData<ApiKeySummary> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task CreateAsync()
    {
        // The new key is on screen until "Done": a click beside the dialog must not lose it.
        var dialog = await Dialogs.ShowAsync<ApiKeyCreateDialog>("New API key", new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false });
        var result = await dialog.Result;
        if (result?.Data is ApiKeySummary created)
        {
            Snackbar.Add($"Created the key \"{created.Name}\".", Severity.Success);
        }

        await _grid.ReloadServerData();
    }

    private async Task RevokeAsync(ApiKeySummary key)
    {
        var parameters = new DialogParameters<ApiKeyRevokeDialog> { { d => d.Key, key } };
        var dialog = await Dialogs.ShowAsync<ApiKeyRevokeDialog>($"Revoke \"{key.Name}\"?", parameters);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add($"Revoked the key \"{key.Name}\". Requests with it are refused from now on.", Severity.Success);
            await _grid.ReloadServerData();
        }
    }

    private string Ago(DateTime at)
    {
        var elapsed = Clock.GetUtcNow().UtcDateTime - at;
        return elapsed.TotalMinutes switch
        {
            < 2 => "Just now",
            < 60 => $"{(int)elapsed.TotalMinutes} minutes ago",
            < 120 => "An hour ago",
            < 60 * 24 => $"{(int)elapsed.TotalHours} hours ago",
            < 60 * 48 => "Yesterday",
            _ => at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

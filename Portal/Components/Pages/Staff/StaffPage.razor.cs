using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Auth;
using Portal.Components.Pages.Staff.Components;

namespace Portal.Components.Pages.Staff;

public partial class StaffPage
{
    [Inject]
    private StaffDirectory Directory { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private CurrentStaff Staff { get; set; } = default!;

    private MudDataGrid<StaffAccount> _grid = default!;

    private async Task<GridData<StaffAccount>> LoadAsync(GridState<StaffAccount> state, CancellationToken ct)
    {
        var page = await Directory.GetPageAsync(state.Page, state.PageSize, ct);
        return new GridData<StaffAccount> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<StaffAccountCreateDialog>("New staff account");
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string email })
        {
            Snackbar.Add($"Created the account for {email}.", Severity.Success);
            await _grid.ReloadServerData();
        }
    }

    private async Task EditRolesAsync(StaffAccount account)
    {
        var parameters = new DialogParameters<StaffRolesEditDialog> { { d => d.Account, account } };
        var dialog = await Dialogs.ShowAsync<StaffRolesEditDialog>($"Roles of {account.DisplayName}", parameters);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add($"Changed the roles of {account.DisplayName}. Open sessions pick them up within a minute.", Severity.Success);
            await _grid.ReloadServerData();
        }
    }

    private async Task UnlockAsync(StaffAccount account)
    {
        var result = await Directory.UnlockAsync(await Staff.GetAsync(), account.Id);
        if (result.Succeeded)
        {
            Snackbar.Add($"Unlocked {account.DisplayName}. They can sign in again now.", Severity.Success);
        }
        else
        {
            Snackbar.Add(string.Join(" ", result.Errors), Severity.Error);
        }

        await _grid.ReloadServerData();
    }

    private static string Initials(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => "?",
            1 => parts[0][..1].ToUpperInvariant(),
            _ => (parts[0][..1] + parts[^1][..1]).ToUpperInvariant(),
        };
    }
}

using MudBlazor;

namespace Portal.Components.Shared;

public static class DataGridExtensions
{
    /// <summary>
    /// Shows a server-paged grid again from its first page, after its filters changed: going to the first page
    /// reloads it; when it is already there, it reloads in place. Does nothing before the grid has rendered (it loads
    /// itself then).
    /// </summary>
    public static async Task ShowFirstPageAsync<T>(this MudDataGrid<T>? grid)
    {
        if (grid is null)
        {
            return;
        }

        if (grid.CurrentPage > 0)
        {
            grid.NavigateTo(MudBlazor.Page.First);
        }
        else
        {
            await grid.ReloadServerData();
        }
    }
}

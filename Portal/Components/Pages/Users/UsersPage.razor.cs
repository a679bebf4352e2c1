using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Pages.Users.Components;
using Portal.Components.Shared;
using Portal.Engine.Catalog;

namespace Portal.Components.Pages.Users;

/// <summary>
/// The user list, searched and paged on the server. The filters live in the address (<c>?country=US&amp;device=ios</c>)
/// so a filtered list can be shared or bookmarked; changing a filter replaces the address and reloads the grid.
/// </summary>
public partial class UsersPage
{
    private const string Any = "";

    [Inject]
    private UserQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ILogger<UsersPage> Log { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "id")]
    public long? Id { get; set; }

    [SupplyParameterFromQuery(Name = "country")]
    public string? Country { get; set; }

    [SupplyParameterFromQuery(Name = "language")]
    public string? Language { get; set; }

    [SupplyParameterFromQuery(Name = "device")]
    public string? Device { get; set; }

    [SupplyParameterFromQuery(Name = "personalized")]
    public bool? Personalized { get; set; }

    private MudDataGrid<UserSummary>? _grid;
    private UserFacets _facets = new([], []);
    private UserSearch? _shown;
    private string? _idText;
    private string? _idError;

    private bool HasFilters => Search != new UserSearch();

    private string PersonalizedFilter => Personalized switch
    {
        true => "on",
        false => "off",
        null => Any,
    };

    private UserSearch Search => new(Id, Empty(Country), Empty(Language), Empty(Device), Personalized);

    protected override async Task OnInitializedAsync()
    {
        try
        {
            _facets = await Queries.FacetsAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Reading the users' languages and countries failed");
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_idError is null)
        {
            _idText = Id?.ToString(CultureInfo.InvariantCulture);
        }

        // The grid loads itself on first render; afterwards a new address means new filters, shown from their first page.
        if (_shown is not null && _shown != Search)
        {
            await _grid.ShowFirstPageAsync();
        }
    }

    private async Task<GridData<UserSummary>> LoadAsync(GridState<UserSummary> state, CancellationToken ct)
    {
        var search = Search;
        _shown = search;
        var page = await Queries.SearchAsync(search, state.Page, state.PageSize, ct);
        return new GridData<UserSummary> { Items = page.Items, TotalItems = page.Total };
    }

    private Task OnIdChangedAsync(string? text)
    {
        _idText = text;
        if (string.IsNullOrWhiteSpace(text))
        {
            _idError = null;
            return ApplyAsync(id: "");
        }

        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            _idError = "A user id is a whole number, such as 42.";
            return Task.CompletedTask;
        }

        _idError = null;
        return ApplyAsync(id: id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Puts the filters in the address; <see cref="OnParametersSetAsync"/> then reloads the grid. Null leaves a filter as it is, "" clears it.</summary>
    private Task ApplyAsync(string? id = null, string? country = null, string? language = null, string? device = null, string? personalized = null)
    {
        var query = new Dictionary<string, object?>
        {
            ["id"] = id is null ? Id : Empty(id) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : null,
            ["country"] = country is null ? Empty(Country) : Empty(country),
            ["language"] = language is null ? Empty(Language) : Empty(language),
            ["device"] = device is null ? Empty(Device) : Empty(device),
            ["personalized"] = personalized is null ? Personalized : personalized switch { "on" => true, "off" => false, _ => null },
        };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query), replace: true);
        return Task.CompletedTask;
    }

    private Task ClearAsync()
    {
        _idText = null;
        _idError = null;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["id"] = null, ["country"] = null, ["language"] = null, ["device"] = null, ["personalized"] = null,
        }), replace: true);
        return Task.CompletedTask;
    }

    private void OpenUser(DataGridRowClickEventArgs<UserSummary> row) => Navigation.NavigateTo($"users/{row.Item.Id}");

    private async Task PreviewColdStartAsync()
    {
        var parameters = new DialogParameters<ColdStartPreviewDialog> { { d => d.Facets, _facets } };
        var options = new DialogOptions { MaxWidth = MaxWidth.ExtraLarge, FullWidth = true };
        await Dialogs.ShowAsync<ColdStartPreviewDialog>("What a brand-new user would get", parameters, options);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

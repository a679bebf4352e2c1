using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Auth;
using Portal.Engine.Catalog;
using Portal.Engine.Events;
using Portal.Engine.Feed;
using Portal.Users;

namespace Portal.Components.Pages.Users;

/// <summary>
/// One app user: their profile, what the engine believes about them, their recent engagement, and their feed
/// (a preview of the next batch and a sandbox). The profile and history come from the database, so they show
/// while the engine is still starting; the parts that need the engine fill in once it is ready.
/// </summary>
public partial class UserPage
{
    /// <summary>How many engagements the timeline shows first, and how many more each "Show more" adds, up to <see cref="TimelineMax"/>.</summary>
    public const int TimelineStep = 15;

    public const int TimelineMax = 150;

    [Inject]
    private UserQueries Queries { get; set; } = default!;

    [Inject]
    private UserInsights Insights { get; set; } = default!;

    [Inject]
    private ServingState Serving { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<UserPage> Log { get; set; } = default!;

    [Inject]
    private PersonalizationSettings Personalization { get; set; } = default!;

    [Inject]
    private CurrentStaff Staff { get; set; } = default!;

    [Inject]
    private StaffAuthorization Authorization { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public long UserId { get; set; }

    private readonly List<BreadcrumbItem> _breadcrumbs = [new("Users & feeds", "users"), new("User", null, disabled: true)];
    private UserSummary? _user;
    private UserInsight? _insight;
    private IReadOnlyList<TimelineEntry> _timeline = [];
    private IReadOnlyDictionary<EngagementKind, int> _counts = new Dictionary<EngagementKind, int>();
    private DateTime _now;
    private bool _loading = true;
    private string? _error;
    private long _loadedId = -1;
    private int _timelineLimit = TimelineStep;
    private bool _canModerate;
    private bool _changingPersonalization;

    private bool TimelineHasMore => _timeline.Count == _timelineLimit && _timelineLimit < TimelineMax;

    protected override async Task OnInitializedAsync()
    {
        Serving.Swapped += OnSwapped;
        _canModerate = await Authorization.AllowsAsync((await Staff.GetAsync()).User, Policies.Moderate);
    }

    /// <summary>Switches the user's personalisation (checked and recorded on the server); the next feed request follows.</summary>
    private async Task SetPersonalizationAsync(bool personalized)
    {
        _changingPersonalization = true;
        try
        {
            var change = await Personalization.SetAsync(await Staff.GetAsync(), UserId, personalized);
            if (change.Succeeded)
            {
                Snackbar.Add(
                    personalized
                        ? $"Personalisation is on again for user {UserId}."
                        : $"Personalisation is off for user {UserId}: from the next request their feed is popularity in their region and the diversity rules only.",
                    Severity.Success);
                _user = (await Queries.SearchAsync(new UserSearch(Id: UserId), 0, 1)).Items.FirstOrDefault();
                await LoadInsightAsync();
            }
            else
            {
                Snackbar.Add(change.Error ?? "Personalisation could not be changed.", Severity.Error);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Changing the personalisation of user {UserId} failed", UserId);
            Snackbar.Add("Personalisation could not be changed just now. Try again in a moment.", Severity.Error);
        }
        finally
        {
            _changingPersonalization = false;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId != UserId)
        {
            _loadedId = UserId;
            _timelineLimit = TimelineStep;
            _breadcrumbs[1] = new BreadcrumbItem($"User {UserId}", null, disabled: true);
            await LoadAsync();
        }
    }

    private Task RefreshAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        _now = Time.GetUtcNow().UtcDateTime;
        try
        {
            _user = (await Queries.SearchAsync(new UserSearch(Id: UserId), 0, 1)).Items.FirstOrDefault();
            if (_user is null)
            {
                _insight = null;
                return;
            }

            _timeline = await Queries.TimelineAsync(UserId, _timelineLimit);
            _counts = await Queries.EventCountsAsync(UserId);
            await LoadInsightAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Reading user {UserId} failed", UserId);
            _error = "This user could not be read just now. Try again in a moment; if it keeps failing, the log says why.";
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task ShowMoreTimelineAsync()
    {
        _timelineLimit = Math.Min(TimelineMax, _timelineLimit + TimelineStep * 2);
        try
        {
            _timeline = await Queries.TimelineAsync(UserId, _timelineLimit);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Reading the timeline of user {UserId} failed", UserId);
            _error = "More of the timeline could not be read just now. Try again in a moment.";
        }
    }

    private async Task LoadInsightAsync()
    {
        if (!Serving.IsReady)
        {
            _insight = null;
            return;
        }

        try
        {
            _insight = await Insights.GetAsync(UserId);
        }
        catch (EngineNotReadyException)
        {
            _insight = null;
        }
    }

    /// <summary>Fills in the engine's parts when it finishes starting (or reloads), without a click.</summary>
    private void OnSwapped(ServingSnapshot snapshot)
    {
        if (_insight is null && _user is not null)
        {
            _ = InvokeAsync(async () =>
            {
                await LoadInsightAsync();
                StateHasChanged();
            });
        }
    }

    public void Dispose() => Serving.Swapped -= OnSwapped;
}

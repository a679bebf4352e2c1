using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Audit;
using Portal.Auth;
using Portal.Components.Pages.Audit.Components;
using Portal.Components.Shared;

namespace Portal.Components.Pages.Audit;

/// <summary>
/// The audit trail for Admins and Auditors: filtered by who, what, target and dates and paged on the server, a row's
/// details, a check of the hash chain, and the filtered rows as a CSV download (streamed by <see cref="AuditEndpoints"/>).
/// </summary>
public partial class AuditPage
{
    private static readonly IReadOnlyDictionary<string, string> Areas = new Dictionary<string, string>
    {
        ["staff"] = "All staff and sign-in actions",
        ["moderation"] = "All moderation actions",
        ["rules"] = "All rules changes",
        ["access"] = "All refused access",
    };

    [Inject]
    private AuditLog Log { get; set; } = default!;

    [Inject]
    private AuditReview Review { get; set; } = default!;

    [Inject]
    private CurrentStaff Staff { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ILogger<AuditPage> Logger { get; set; } = default!;

    private MudDataGrid<AuditEntry>? _grid;
    private AuditFilter _filter = AuditFilter.None;
    private DateTime? _from;
    private DateTime? _to;
    private AuditVerification? _verification;
    private bool _verifying;
    private string? _error;

    private string ExportHref
    {
        get
        {
            var query = new List<string>();
            Add(query, "actor", _filter.Actor);
            Add(query, "action", _filter.Action);
            Add(query, "target", _filter.Target);
            Add(query, "from", _filter.From?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            Add(query, "to", _filter.To?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            return AuditEndpoints.ExportPath.TrimStart('/') + (query.Count == 0 ? "" : "?" + string.Join("&", query));
        }
    }

    private async Task<GridData<AuditEntry>> LoadAsync(GridState<AuditEntry> state, CancellationToken ct)
    {
        try
        {
            var page = await Log.SearchAsync(_filter, state.Page, state.PageSize, ct);
            _error = null;
            return new GridData<AuditEntry> { Items = page.Items, TotalItems = page.Total };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Reading the audit log failed");
            _error = "The audit log could not be read just now. Try again in a moment; if it keeps failing, the log says why.";
            return new GridData<AuditEntry> { Items = [], TotalItems = 0 };
        }
    }

    private async Task VerifyAsync()
    {
        _verifying = true;
        try
        {
            _verification = await Review.VerifyAsync(await Staff.GetAsync());
            if (_verification is null)
            {
                _error = "Your roles don't allow verifying the audit log.";
            }
            else if (_grid is not null)
            {
                // The check itself is recorded: show that row too.
                await _grid.ReloadServerData();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Verifying the audit chain failed");
            _error = "The chain could not be checked just now. Try again in a moment; if it keeps failing, the log says why.";
        }
        finally
        {
            _verifying = false;
        }
    }

    private async Task OpenAsync(DataGridRowClickEventArgs<AuditEntry> row)
    {
        var parameters = new DialogParameters<AuditEntryDialog> { { d => d.Entry, row.Item } };
        await Dialogs.ShowAsync<AuditEntryDialog>($"Audit row {row.Item.Id}", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
    }

    private Task FromChangedAsync(DateTime? date)
    {
        _from = date;
        return ApplyAsync(_filter with { From = date is { } d ? DateTime.SpecifyKind(d.Date, DateTimeKind.Utc) : null });
    }

    private Task ToChangedAsync(DateTime? date)
    {
        _to = date;
        return ApplyAsync(_filter with { To = date is { } d ? DateTime.SpecifyKind(d.Date.AddDays(1).AddTicks(-1), DateTimeKind.Utc) : null });
    }

    private Task ClearAsync()
    {
        _from = _to = null;
        return ApplyAsync(AuditFilter.None);
    }

    private async Task ApplyAsync(AuditFilter filter)
    {
        _filter = filter;
        await _grid.ShowFirstPageAsync();
    }

    private static string ActionText(string? action) => action switch
    {
        null or "" => "Any action",
        _ when Areas.TryGetValue(action, out var area) => area,
        _ => AuditActions.Label(action),
    };

    /// <summary>What changed, in one line: the reason, or before → after.</summary>
    private static string Change(AuditEntry entry)
    {
        var change = (entry.Before, entry.After) switch
        {
            (null, null) => "",
            (null, { } after) => after,
            ({ } before, null) => $"{before} → removed",
            ({ } before, { } after) => $"{before} → {after}",
        };
        return entry.Reason is null ? change : change.Length == 0 ? entry.Reason : $"{entry.Reason} · {change}";
    }

    /// <summary>A link for targets the portal has a page for.</summary>
    private static string? TargetHref(string? target)
    {
        var colon = target?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (target is null || colon < 1)
        {
            return null;
        }

        var kind = target[..colon];
        var id = target[(colon + 1)..];
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _) && kind != "page")
        {
            return null;
        }

        return kind switch
        {
            "video" => $"moderation/videos/{id}",
            "creator" => $"moderation/creators/{id}",
            "sound" => $"moderation/sounds/{id}",
            "case" => $"moderation/cases/{id}",
            "user" => $"users/{id}",
            _ => null,
        };
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}

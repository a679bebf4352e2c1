using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Portal.Components.Pages.Training;
using Portal.Engine.Evaluation;
using Portal.Engine.Training;

namespace Portal.Components.Pages.Evaluation;

/// <summary>
/// The serving version's offline metrics against the baselines (a table and a grouped bar chart), the simulator's
/// learning curve for the latest run or an earlier one, and a form that runs the simulator (ManageTraining, checked
/// again on the server by <see cref="TrainingActions"/>).
/// </summary>
public partial class EvaluationPage
{
    private static readonly string[] ChartMetrics = ["ndcg@10", "recall@10", "hitrate@10", "precision@10", "map@10"];

    [Inject]
    private ModelRegistry Registry { get; set; } = default!;

    [Inject]
    private Simulator Simulator { get; set; } = default!;

    [Inject]
    private TrainingActions Actions { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<EvaluationPage> Log { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private ClaimsPrincipal _staff = new();
    private bool _canRun;
    private bool _loading = true;
    private string? _error;
    private ModelVersionRecord? _active;
    private IReadOnlyDictionary<string, double> _metrics = new Dictionary<string, double>();
    private IReadOnlyList<(string Key, string Name)> _methods = [];
    private List<ChartSeries<double>> _offlineSeries = [];
    private string[] _offlineLabels = [];
    private readonly BarChartOptions _barOptions = new()
    {
        BarWidthRatio = 0.8,
        YAxisToStringFunc = v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
        ChartPalette = ["#94a3b8", "#6366f1", "#0284c7", "#e4572e", "#0f766e"],
    };

    private IReadOnlyList<(long Id, SimulationReport Report, string RequestedBy)> _runs = [];
    private long _selectedRun;
    private SimulationReport? _report;

    private int _users = 20;
    private int _batches = 5;
    private bool _running;
    private double _percent;
    private string? _simulationError;
    private readonly CancellationTokenSource _disposed = new();

    protected override async Task OnInitializedAsync()
    {
        _staff = (await AuthenticationState).User;
        _canRun = await Actions.CanManageAsync(_staff);
        try
        {
            _active = await Registry.ActiveAsync(_disposed.Token);
            _metrics = _active?.ReadMetrics() ?? new Dictionary<string, double>();
            BuildOffline();
            await LoadRunsAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Reading the evaluation failed");
            _error = "The evaluation could not be read just now. Reload the page in a moment.";
        }
        finally
        {
            _loading = false;
        }
    }

    private void BuildOffline()
    {
        _methods = MetricText.Methods.Where(m => _metrics.ContainsKey($"{m.Key}.ndcg@10")).ToList();
        _offlineLabels = ChartMetrics.Select(m => MetricText.Metrics.First(x => x.Key == m).Name).ToArray();
        _offlineSeries = _methods
            .Select(m => new ChartSeries<double> { Name = m.Name, Data = ChartMetrics.Select(metric => Math.Round(100 * _metrics.GetValueOrDefault($"{m.Key}.{metric}"), 1)).ToArray() })
            .ToList();
        var highest = _methods.SelectMany(m => ChartMetrics.Select(metric => 100 * _metrics.GetValueOrDefault($"{m.Key}.{metric}"))).DefaultIfEmpty(0).Max();
        _barOptions.YAxisTicks = highest <= 10 ? 2 : highest <= 25 ? 5 : highest <= 50 ? 10 : 20;
        _barOptions.ChartPalette = _methods.Select(m => m.Key switch
        {
            "popularity" => "#94a3b8",
            "content" => "#6366f1",
            "als" => "#0284c7",
            "active" => "#e4572e",
            _ => "#0f766e",
        }).ToArray();
    }

    private async Task LoadRunsAsync()
    {
        _runs = await Simulator.HistoryAsync(30, _disposed.Token);
        if (_runs.Count > 0)
        {
            _selectedRun = _runs[0].Id;
            _report = _runs[0].Report;
        }
    }

    private void SelectRun(long id)
    {
        _selectedRun = id;
        _report = _runs.FirstOrDefault(r => r.Id == id).Report ?? _report;
    }

    private async Task RunAsync()
    {
        if (_running)
        {
            return;
        }

        _running = true;
        _percent = 0;
        _simulationError = null;
        var shown = 0;
        var progress = new Progress<double>(percent =>
        {
            _percent = Math.Max(_percent, percent);
            if (_running && !_disposed.IsCancellationRequested && (int)_percent >= shown + 2)
            {
                shown = (int)_percent;
                StateHasChanged();
            }
        });

        try
        {
            var (report, result) = await Task.Run(() => Actions.SimulateAsync(_staff, _users, _batches, progress, _disposed.Token), _disposed.Token);
            if (report is null)
            {
                _simulationError = result.Message;
                return;
            }

            Snackbar.Add(result.Message, Severity.Success);
            await LoadRunsAsync();
        }
        catch (WorldTruthMissingException)
        {
            _simulationError = "This data was imported, not generated, so there are no simulated users with hidden tastes to react to videos. The simulator only runs on a generated world; the offline metrics above still apply.";
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "The simulation failed");
            _simulationError = "The simulation stopped with an error. The users and events it made so far stay in the data; try again, and if it keeps failing, the log says why.";
        }
        finally
        {
            _running = false;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}

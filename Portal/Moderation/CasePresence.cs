namespace Portal.Moderation;

/// <summary>
/// Who is looking at which case right now: an in-memory registry of the open circuits (browser tabs) that show a
/// case. A case page enters when it opens and leaves when it closes; a circuit whose connection drops is hidden until
/// it reconnects and forgotten when it ends. <see cref="Changed"/> tells open pages to redraw. One registry per portal
/// process: with several instances each shows its own viewers.
/// </summary>
public sealed class CasePresence(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly List<Visit> _visits = [];

    /// <summary>Raised with the case id after someone enters or leaves it.</summary>
    public event Action<int>? Changed;

    /// <summary>Marks <paramref name="circuitId"/> as showing <paramref name="caseId"/> until the returned handle is disposed.</summary>
    public IDisposable Enter(string circuitId, int caseId, string email, string displayName)
    {
        var visit = new Visit(circuitId, caseId, email, string.IsNullOrWhiteSpace(displayName) ? email : displayName, clock.GetUtcNow().UtcDateTime);
        lock (_lock)
        {
            _visits.Add(visit);
        }

        Changed?.Invoke(caseId);
        return new Leave(this, visit);
    }

    /// <summary>The people with the case open and connected, each once, earliest first.</summary>
    public IReadOnlyList<CaseViewer> ViewersOf(int caseId)
    {
        lock (_lock)
        {
            return _visits.Where(v => v.CaseId == caseId && v.Connected)
                .GroupBy(v => v.Email, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.OrderBy(v => v.Since).First())
                .OrderBy(v => v.Since)
                .Select(v => new CaseViewer(v.Email, v.DisplayName, v.Since))
                .ToList();
        }
    }

    /// <summary>A circuit lost or regained its connection: its visits hide or show again.</summary>
    public void SetConnected(string circuitId, bool connected)
    {
        List<int> cases;
        lock (_lock)
        {
            var visits = _visits.Where(v => v.CircuitId == circuitId && v.Connected != connected).ToList();
            visits.ForEach(v => v.Connected = connected);
            cases = visits.Select(v => v.CaseId).Distinct().ToList();
        }

        cases.ForEach(c => Changed?.Invoke(c));
    }

    /// <summary>A circuit ended: all of its visits go.</summary>
    public void RemoveCircuit(string circuitId)
    {
        List<int> cases;
        lock (_lock)
        {
            cases = _visits.Where(v => v.CircuitId == circuitId).Select(v => v.CaseId).Distinct().ToList();
            _visits.RemoveAll(v => v.CircuitId == circuitId);
        }

        cases.ForEach(c => Changed?.Invoke(c));
    }

    private void Remove(Visit visit)
    {
        bool removed;
        lock (_lock)
        {
            removed = _visits.Remove(visit);
        }

        if (removed)
        {
            Changed?.Invoke(visit.CaseId);
        }
    }

    private sealed class Visit(string circuitId, int caseId, string email, string displayName, DateTime since)
    {
        public string CircuitId { get; } = circuitId;

        public int CaseId { get; } = caseId;

        public string Email { get; } = email;

        public string DisplayName { get; } = displayName;

        public DateTime Since { get; } = since;

        public bool Connected { get; set; } = true;
    }

    private sealed class Leave(CasePresence presence, Visit visit) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                presence.Remove(visit);
            }
        }
    }
}

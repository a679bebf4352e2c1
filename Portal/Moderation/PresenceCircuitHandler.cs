using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Moderation;

/// <summary>
/// Follows this circuit's life for <see cref="CasePresence"/>: knows the circuit's id (pages enter cases with it),
/// hides its visits while the browser is disconnected and removes them when the circuit ends.
/// </summary>
public sealed class PresenceCircuitHandler(CasePresence presence) : CircuitHandler
{
    /// <summary>This circuit's id; null outside an interactive circuit (while prerendering).</summary>
    public string? CircuitId { get; private set; }

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        CircuitId = circuit.Id;
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.SetConnected(circuit.Id, connected: false);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.SetConnected(circuit.Id, connected: true);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.RemoveCircuit(circuit.Id);
        return Task.CompletedTask;
    }
}

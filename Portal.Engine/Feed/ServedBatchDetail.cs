namespace Portal.Engine.Feed;

/// <summary>One logged batch with everything it recorded: context, items with their positions, reasons, features and rule effects.</summary>
public sealed record ServedBatchDetail(ServedBatchSummary Summary, ServedContextRecord Context, IReadOnlyList<ServedItemRecord> Items, IReadOnlyList<string> Relaxed, long EventWatermark, long UserEventWatermark);

using Portal.Engine.Candidates;

namespace Portal.Engine.Diversity;

/// <summary>What the diversity step chose: the items in position order with what moved them, the rules it had to relax, and the candidates rules kept out.</summary>
public sealed record DiversitySelection(
    IReadOnlyList<SelectedCandidate> Items,
    IReadOnlyList<string> Relaxed,
    IReadOnlyList<BlockedCandidate> Blocked);

/// <summary>A chosen candidate, its 1-based position, and the rule effects that explain how it got there.</summary>
public sealed record SelectedCandidate(Candidate Candidate, int Position, IReadOnlyList<string> RuleEffects, bool ExplorationSlot);

/// <summary>A higher-ranked candidate that a rule kept out of the batch.</summary>
public sealed record BlockedCandidate(int Video, int RankBefore, string Rule);

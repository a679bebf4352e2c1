namespace Portal.Engine.Candidates;

/// <summary>Why a source proposed a video: a stable code for machines and a sentence for people.</summary>
public readonly record struct CandidateReason(CandidateSourceKind Source, string Code, string Text);

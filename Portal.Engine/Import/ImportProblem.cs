namespace Portal.Engine.Import;

/// <summary>One skipped row: the file, the line it starts on, why, and the details a person needs to find and fix it.</summary>
public sealed record ImportProblem(string File, int Line, ImportProblemReason Reason, string Detail)
{
    public override string ToString() => $"{File}:{Line}: {ImportProblemReasons.Describe(Reason)}: {Detail}";
}

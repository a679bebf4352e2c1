namespace Portal.Components.Pages.Training;

/// <summary>What a training action did, or why it was refused, in words staff can read.</summary>
public sealed record TrainingActionResult(bool Succeeded, string Message)
{
    public static TrainingActionResult Done(string message) => new(true, message);

    public static TrainingActionResult Refused(string message) => new(false, message);
}

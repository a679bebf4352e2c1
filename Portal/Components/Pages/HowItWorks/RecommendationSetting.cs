namespace Portal.Components.Pages.HowItWorks;

/// <summary>One line of the "How recommendations work" tables: a setting in words, its current value, and where it is configured.</summary>
public sealed record RecommendationSetting(string Name, string Value, string? Key = null);

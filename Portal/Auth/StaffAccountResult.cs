namespace Portal.Auth;

/// <summary>
/// The outcome of changing a staff account: success, or what is wrong in plain words, by field
/// (keys are property names of <see cref="NewStaffAccount"/>) and overall.
/// </summary>
public sealed class StaffAccountResult
{
    private readonly Dictionary<string, List<string>> _fieldErrors = [];
    private readonly List<string> _errors = [];

    public bool Succeeded => _fieldErrors.Count == 0 && _errors.Count == 0;

    public IReadOnlyDictionary<string, List<string>> FieldErrors => _fieldErrors;

    public IReadOnlyList<string> Errors => _errors;

    public static StaffAccountResult Success { get; } = new();

    public IReadOnlyList<string> For(string field) => _fieldErrors.TryGetValue(field, out var errors) ? errors : [];

    internal StaffAccountResult AddFieldError(string field, string message)
    {
        if (!_fieldErrors.TryGetValue(field, out var errors))
        {
            _fieldErrors[field] = errors = [];
        }

        if (!errors.Contains(message))
        {
            errors.Add(message);
        }

        return this;
    }

    internal StaffAccountResult AddError(string message)
    {
        _errors.Add(message);
        return this;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Api;

/// <summary>
/// Turns what the framework reports about an unreadable request (malformed JSON, a value of the wrong type, a
/// missing body, a query value that does not parse) into a problem with a plain message, never the exception's
/// own text. Type errors become field errors keyed like the request: <c>language</c>, <c>events[3].watchFraction</c>.
/// </summary>
public static partial class ApiRequestErrors
{
    public const string NotJsonObjectMessage = "The request body must be a JSON object.";

    public const string MissingBodyMessage = "The request needs a JSON body.";

    public const string UnreadableMessage = "The request could not be read. Compare it with the API description at /api/docs.";

    public const string UnsupportedMediaTypeMessage = "Send the request body as JSON, with the header Content-Type: application/json.";

    /// <param name="endpoint">The route the request was for (the exception handler has cleared it from the context by now).</param>
    public static ProblemDetails Describe(BadHttpRequestException exception, Endpoint? endpoint, JsonSerializerOptions json, int maxDepth)
    {
        switch (exception.StatusCode)
        {
            case StatusCodes.Status413PayloadTooLarge:
                return ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, TooLargeMessage(endpoint));
            case StatusCodes.Status415UnsupportedMediaType:
                return ApiProblems.Create(StatusCodes.Status415UnsupportedMediaType, UnsupportedMediaTypeMessage);
        }

        if (exception.InnerException is JsonException jsonException)
        {
            return DescribeJson(jsonException, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType, json, maxDepth);
        }

        var message = exception.Message;
        if (BindFailure().Match(message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            var value = bind.Groups["value"].Value;
            return FieldProblem(name, $"\"{Shorten(value)}\" is not {Expected(bind.Groups["type"].Value)}.");
        }

        if (message.Contains("from body", StringComparison.Ordinal) || message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return ApiProblems.Create(StatusCodes.Status400BadRequest, MissingBodyMessage);
        }

        if (RequiredParameter().Match(message) is { Success: true } required)
        {
            return FieldProblem(required.Groups["name"].Value, "This value is required.");
        }

        return ApiProblems.Create(StatusCodes.Status400BadRequest, UnreadableMessage);
    }

    /// <summary>The message of a 413 on a route.</summary>
    public static string TooLargeMessage(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } max
            ? $"The request body is too large: this route accepts at most {RequestBodyLimit.Describe(max)}."
            : "The request body is too large.";

    private static ProblemDetails DescribeJson(JsonException exception, Type? bodyType, JsonSerializerOptions json, int maxDepth)
    {
        var path = exception.Path ?? "$";
        if (exception.InnerException is JsonException reader)
        {
            // The reader refused the text itself: not JSON, or nested too deeply.
            if (reader.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
            {
                return ApiProblems.Create(StatusCodes.Status400BadRequest, $"The JSON is nested too deeply: at most {maxDepth} levels are allowed.");
            }

            var where = reader.LineNumber is { } line && reader.BytePositionInLine is { } position
                ? $" (line {line + 1}, position {position + 1})"
                : "";
            return ApiProblems.Create(StatusCodes.Status400BadRequest, $"The request body is not valid JSON{where}.");
        }

        var field = FieldOf(path);
        if (field.Length == 0)
        {
            return ApiProblems.Create(StatusCodes.Status400BadRequest, NotJsonObjectMessage);
        }

        var expected = bodyType is null ? null : TypeAt(json, bodyType, path);
        return FieldProblem(field, expected is null ? "This value has the wrong type." : $"This value must be {Describe(json, expected)}.");
    }

    private static ProblemDetails FieldProblem(string field, string message) =>
        new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
            Detail = "Nothing was done: correct the fields listed in errors.",
        };

    /// <summary><c>$.events[3].kind</c> → <c>events[3].kind</c>; <c>$</c> → empty.</summary>
    private static string FieldOf(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>Follows a JSON path through the body type's contract to the type the value should have had.</summary>
    private static Type? TypeAt(JsonSerializerOptions json, Type root, string path)
    {
        var type = root;
        foreach (Match segment in PathSegment().Matches(path))
        {
            var info = json.GetTypeInfo(type);
            if (segment.Groups["index"].Success)
            {
                if (info.ElementType is null)
                {
                    return null;
                }

                type = info.ElementType;
                continue;
            }

            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
            var property = info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                : null;
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
        }

        return type;
    }

    private static string Describe(JsonSerializerOptions json, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(long) || type == typeof(int) || type == typeof(short))
        {
            return "a whole number";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "a number";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "a date and time in ISO 8601, such as 2026-06-01T12:00:00Z";
        }

        return json.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "a list",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            _ => "of another type",
        };
    }

    /// <summary>What a query or route value of a C# type (as the framework names it: "long", "bool?") should look like.</summary>
    private static string Expected(string clrType)
    {
        var type = clrType.TrimEnd('?');
        if (type.StartsWith("Nullable<", StringComparison.Ordinal))
        {
            type = type["Nullable<".Length..].TrimEnd('>');
        }

        return type switch
        {
            "long" or "int" or "short" or "Int64" or "Int32" or "Int16" => "a whole number",
            "bool" or "Boolean" => "true or false",
            "double" or "float" or "decimal" or "Double" or "Single" or "Decimal" => "a number",
            _ => "a valid value",
        };
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter "(?<type>\S+) (?<name>[^"]+)" was not provided""")]
    private static partial Regex RequiredParameter();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>[^']*)'\]")]
    private static partial Regex PathSegment();
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Collaboration.Api.Hosting.OpenApi;

/// <summary>
/// What each operation accepts beyond its body's type: the <c>If-Match</c> and <c>Idempotency-Key</c> headers, query
/// parameters that are numbers, fields a creation needs, and an example body from the SHELTER network.
/// </summary>
internal sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
    // Query parameters bound as text (so that a wrong value is named by the validation) that take whole numbers.
    private static readonly Dictionary<string, (JsonSchemaType Type, string Format, decimal Minimum, string Description)> NumericQuery = new(StringComparer.Ordinal)
    {
        ["limit"] = (JsonSchemaType.Integer, "int32", 1, "How many items at most in this page."),
        ["days"] = (JsonSchemaType.Integer, "int32", 1, "How many days back."),
        ["after"] = (JsonSchemaType.Integer, "int64", 0, "The sequence number to continue after (0 for the beginning)."),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        operation.Parameters ??= [];

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { } name && NumericQuery.TryGetValue(name, out var numeric))
            {
                parameter.Schema = new OpenApiSchema { Type = numeric.Type, Format = numeric.Format, Minimum = numeric.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                parameter.Description ??= numeric.Description;
            }
            else if (parameter.In == ParameterLocation.Query && parameter.Name is "from" or "to")
            {
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" };
                parameter.Description ??= "A date as YYYY-MM-DD.";
            }
        }

        if (metadata.OfType<OpenApiMetadata.IfMatchHeader>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Description = "The ETag of the version this change is based on, as read (e.g. \"3f2a\"); 412 when it is no longer current. Without it, the change applies to whatever is current.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        if (string.Equals(description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key",
                In = ParameterLocation.Header,
                Description = "Any unique text (1 to 200 printable characters): a retry with the same key and body within 24 hours gets the first answer again and does nothing twice; the same key with another body is 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 },
            });
        }

        var bodyType = description.ParameterDescriptions.FirstOrDefault(p => p.Source.Id == "Body")?.Type;
        if (bodyType is not null && operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var json))
        {
            json.Example = RequestContracts.ExampleOf(bodyType);
            if (metadata.OfType<OpenApiMetadata.BodyRequires>().FirstOrDefault() is { } requires && json.Schema is { } schema)
            {
                json.Schema = new OpenApiSchema { AllOf = [schema, new OpenApiSchema { Required = new HashSet<string>(requires.Fields, StringComparer.Ordinal) }] };
            }
        }

        if (operation.Parameters.Count == 0)
        {
            operation.Parameters = null;
        }

        return Task.CompletedTask;
    }
}

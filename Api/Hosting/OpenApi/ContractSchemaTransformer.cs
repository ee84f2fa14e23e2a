using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Collaboration.Api.Hosting.OpenApi;

/// <summary>
/// Schemas as a client generator should read them: a request body's required fields are required and not nullable
/// (<see cref="RequestContracts"/>), its other fields optional; an enum is a string with its values.
/// </summary>
internal sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum && schema.Enum is { Count: > 0 })
        {
            schema.Type ??= JsonSchemaType.String;
        }

        if (context.JsonPropertyInfo is null && RequestContracts.ByType.TryGetValue(type, out var contract))
        {
            schema.Required = new HashSet<string>(contract.Required, StringComparer.Ordinal);
            foreach (var field in contract.Required)
            {
                if (schema.Properties?.TryGetValue(field, out var property) == true)
                {
                    schema.Properties[field] = NotNull(property);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A nullable enum property becomes <c>oneOf [null, $ref]</c> only once its enum is a component, after the schema
    /// transformers ran: the required ones lose their null here, on the finished document.
    /// </summary>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (type, contract) in RequestContracts.ByType)
        {
            if (Component(document, type.Name) is { } properties)
            {
                foreach (var field in contract.Required.Where(properties.ContainsKey))
                {
                    properties[field] = NotNull(properties[field]);
                }
            }
        }

        var operations = document.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []) ?? [];
        foreach (var requestBody in operations.Select(o => o.RequestBody).OfType<OpenApiRequestBody>())
        {
            foreach (var media in requestBody.Content?.Values ?? [])
            {
                // An optional body (a cancellation's reason) is an optional body of its type, not a body that may be null.
                if (media.Schema is OpenApiSchema { OneOf: { Count: 2 } } nullable && NotNull(nullable) is OpenApiSchemaReference body)
                {
                    media.Schema = body;
                    requestBody.Required = false;
                }
            }
        }

        // A field one route needs beyond its body's (ContractOperationTransformer: allOf [body, {required}]) is not null there either.
        var bodies = operations.Select(o => o.RequestBody?.Content).Where(c => c is not null).SelectMany(c => c!.Values).Select(m => m.Schema);
        foreach (var body in bodies.OfType<OpenApiSchema>())
        {
            if (body.AllOf is [OpenApiSchemaReference { Reference.Id: { } id }, OpenApiSchema { Required: { } required } extra]
                && Component(document, id) is { } properties)
            {
                extra.Properties = required.Where(properties.ContainsKey).ToDictionary(
                    field => field, field => NotNull(properties[field] is OpenApiSchema s ? s.CreateShallowCopy() : properties[field]));
            }
        }

        return Task.CompletedTask;
    }

    private static IDictionary<string, IOpenApiSchema>? Component(OpenApiDocument document, string name) =>
        document.Components?.Schemas?.TryGetValue(name, out var component) == true && component is OpenApiSchema { Properties: { } properties }
            ? properties
            : null;

    /// <summary>The property's schema without its null: <c>["null","string"]</c> becomes <c>"string"</c>, <c>oneOf [null, $ref]</c> the reference.</summary>
    private static IOpenApiSchema NotNull(IOpenApiSchema property)
    {
        if (property is not OpenApiSchema schema)
        {
            return property;
        }

        if (schema.OneOf is { Count: 2 } oneOf && oneOf.OfType<OpenApiSchema>().Count(s => s.Type == JsonSchemaType.Null) == 1)
        {
            return oneOf.Single(s => s is not OpenApiSchema { Type: JsonSchemaType.Null });
        }

        if (schema.Type is { } flags)
        {
            schema.Type = flags & ~JsonSchemaType.Null;
        }

        return schema;
    }
}

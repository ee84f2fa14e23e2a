using System.Net;
using System.Text.Json;
using Collaboration.Api.Tests.Support;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Collaboration.Api.Tests.Platform;

/// <summary>The OpenAPI document is one a client generator can trust: valid, and saying what each route really accepts.</summary>
public sealed class OpenApiDocumentTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    private async Task<(string Text, JsonElement Root)> ReadAsync()
    {
        using var anonymous = api.CreateClient(apiKey: null);
        var text = await anonymous.GetStringAsync("/openapi/v1.json");
        return (text, JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task TheDocumentPassesTheStandardOpenApiReaderAndValidator()
    {
        var (text, _) = await ReadAsync();

        var read = OpenApiDocument.Parse(text, OpenApiConstants.Json);

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.NotNull(read.Document);
        Assert.Empty(read.Document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.True(read.Document.Paths.Count > 40);
    }

    [Fact]
    public async Task EachBodyDeclaresTheFieldsItsRouteAcceptsWithItsRequiredOnesAndAnExample()
    {
        var (_, root) = await ReadAsync();
        var schemas = root.GetProperty("components").GetProperty("schemas");
        var json = api.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var checkedBodies = 0;

        foreach (var endpoint in api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not { } bodyType
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not [var method])
            {
                continue;
            }

            var path = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            var operation = root.GetProperty("paths").GetProperty(path).GetProperty(method.ToLowerInvariant());
            var body = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            var (reference, extra) = SchemaOf(body.GetProperty("schema"));
            Assert.Equal($"#/components/schemas/{bodyType.Name}", reference);
            var schema = schemas.GetProperty(bodyType.Name);

            // The fields the document lists are exactly those the JSON reader takes; any other is refused.
            var declared = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            var accepted = json.GetTypeInfo(bodyType).Properties.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(accepted, declared);
            Assert.False(schema.GetProperty("additionalProperties").GetBoolean());

            // Required and never null: in the body's schema, or for a field only this route needs, beside it (allOf).
            var required = new List<string>();
            foreach (var part in extra is { } e ? [schema, e] : new[] { schema })
            {
                foreach (var field in part.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(f => f.GetString()!) : [])
                {
                    Assert.Contains(field, declared);
                    Assert.False(IsNullable(part.GetProperty("properties").GetProperty(field)), $"{method} {path}: {field} is required but declared nullable");
                    required.Add(field);
                }
            }

            // The example from the SHELTER network has every required field and no other field than the declared ones.
            var example = body.GetProperty("example");
            var fields = example.EnumerateObject().Select(p => p.Name).ToList();
            Assert.All(required, field => Assert.Contains(field, fields));
            Assert.All(fields, field => Assert.Contains(field, declared));
            checkedBodies++;
        }

        Assert.True(checkedBodies >= 15, $"only {checkedBodies} bodies checked");
    }

    [Fact]
    public async Task HeadersNumbersDatesEnumsAndSecurityAreDeclaredWhereTheyApply()
    {
        var (_, root) = await ReadAsync();
        var paths = root.GetProperty("paths");

        Assert.False(root.TryGetProperty("security", out _));
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                var headers = parameters.Where(x => x.GetProperty("in").GetString() == "header").Select(x => x.GetProperty("name").GetString()).ToList();
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (operation.Name == "post")
                {
                    Assert.True(headers.Contains("Idempotency-Key"), $"{where} does not declare Idempotency-Key");
                }

                if (operation.Name == "put")
                {
                    Assert.True(headers.Contains("If-Match"), $"{where} does not declare If-Match");
                }

                foreach (var query in parameters.Where(x => x.GetProperty("in").GetString() == "query"))
                {
                    var name = query.GetProperty("name").GetString();
                    var type = query.GetProperty("schema").GetProperty("type").GetString();
                    if (name is "limit" or "days" or "after")
                    {
                        Assert.True(type == "integer", $"{where}: {name} is {type}");
                    }

                    if (name is "from" or "to")
                    {
                        Assert.Equal("date", query.GetProperty("schema").GetProperty("format").GetString());
                    }
                }
            }
        }

        Assert.False(paths.GetProperty("/healthz").GetProperty("get").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/readyz").GetProperty("get").TryGetProperty("security", out _));
        Assert.Equal("ApiKey", paths.GetProperty("/projects").GetProperty("get").GetProperty("security")[0].EnumerateObject().Single().Name);
        var programme = root.GetProperty("components").GetProperty("schemas").GetProperty("Programme");
        Assert.Equal("string", programme.GetProperty("type").GetString());
        Assert.Equal(["europeForCitizens", "cerv", "other"], programme.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var adoption = root.GetProperty("components").GetProperty("schemas").GetProperty("AdoptionRequest");
        Assert.Equal(["status"], adoption.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task TheDocumentIsBuiltOnceAndThenServedFromTheCache()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var first = await anonymous.GetAsync("/openapi/v1.json");
        var second = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.NotNull(second.Headers.Age);
    }

    /// <summary>The body's schema: a reference to its type's, or that reference with what this route requires beside it.</summary>
    private static (string? Reference, JsonElement? Extra) SchemaOf(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return (reference.GetString(), null);
        }

        var parts = schema.GetProperty("allOf").EnumerateArray().ToList();
        return (parts[0].GetProperty("$ref").GetString(), parts[1]);
    }

    private static bool IsNullable(JsonElement property) =>
        (property.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "null"))
        || (property.TryGetProperty("oneOf", out var oneOf) && oneOf.EnumerateArray().Any(s => s.TryGetProperty("type", out var t) && t.GetString() == "null"));
}

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Collaboration.Api.Hosting;

/// <summary>Declares the API-key bearer scheme in the OpenAPI document so that clients and the UI can send it.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Collaboration API";
        document.Info.Description = "Networks of European towns in EU-funded projects: partners, projects, events, exchanges, agreements.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Authorization: Bearer <api key> (the coordinator's key or a municipality's key).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
        return Task.CompletedTask;
    }
}

namespace Collaboration.Api.Hosting.OpenApi;

/// <summary>Endpoint metadata that only the OpenAPI document reads.</summary>
public static class OpenApiMetadata
{
    /// <summary>The route honours <c>If-Match</c> (412 when stale): the document declares the header.</summary>
    public static RouteHandlerBuilder AcceptsIfMatch(this RouteHandlerBuilder route) => route.WithMetadata(new IfMatchHeader());

    /// <summary>Fields this route needs in its body beyond those its body type always needs (an id on creation).</summary>
    public static RouteHandlerBuilder RequiresInBody(this RouteHandlerBuilder route, params string[] fields) =>
        route.WithMetadata(new BodyRequires(fields));

    public sealed record IfMatchHeader;

    public sealed record BodyRequires(IReadOnlyList<string> Fields);
}

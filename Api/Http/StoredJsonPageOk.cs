using System.Reflection;
using System.Text.Json;
using Collaboration.Api.Features.Exchanges;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Collaboration.Api.Http;

/// <summary>
/// 200 with a <see cref="PageResponse{TItem}"/> whose items are JSON the grains stored, each holding what this API
/// writes for a <typeparamref name="TItem"/>: they are written through <see cref="StoredJson"/>, with no parse into
/// objects and no second serialization. Declares itself to OpenAPI as <c>Ok&lt;PageResponse&lt;TItem&gt;&gt;</c> does.
/// </summary>
public sealed class StoredJsonPageOk<TItem> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    private readonly IReadOnlyList<string> _itemsJson;
    private readonly string? _nextCursor;

    /// <param name="itemsJson">Each item's stored JSON; the caller vouches that its fields are those of <typeparamref name="TItem"/>.</param>
    /// <param name="nextCursor">The page's <see cref="PageResponse{TItem}.NextCursor"/>.</param>
    public StoredJsonPageOk(IReadOnlyList<string> itemsJson, string? nextCursor)
    {
        _itemsJson = itemsJson;
        _nextCursor = nextCursor;
    }

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var naming = options.PropertyNamingPolicy;
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";

        // Straight into the response's pipe, as TypedResults.Ok writes JSON.
        await using (var writer = StoredJson.CreateWriter(httpContext.Response.BodyWriter, options))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(Name(naming, nameof(PageResponse<TItem>.Items)));
            foreach (var item in _itemsJson)
            {
                StoredJson.Write(writer, item);
            }

            writer.WriteEndArray();
            writer.WriteString(Name(naming, nameof(PageResponse<TItem>.NextCursor)), _nextCursor);
            writer.WriteEndObject();
        }

        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(PageResponse<TItem>), ["application/json"]));
    }

    private static string Name(JsonNamingPolicy? naming, string property) => naming?.ConvertName(property) ?? property;
}

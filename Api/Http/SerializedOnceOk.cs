using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Collaboration.Api.Http;

/// <summary>
/// 200 with <typeparamref name="TValue"/> as JSON, serialized once per <c>source</c>: a grain hands back the same
/// immutable view while nothing it shows has changed (no copy is made inside one process), so a page read again
/// and again is written from the bytes of its first serialization. A new view, after any change, is a new source.
/// Declares itself to OpenAPI as <c>Ok&lt;TValue&gt;</c> does.
/// </summary>
public sealed class SerializedOnceOk<TValue> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<TValue>
    where TValue : notnull
{
    private static readonly ConditionalWeakTable<object, byte[]> Bodies = new();

    private readonly object _source;
    private readonly Func<TValue> _value;

    /// <param name="source">The immutable object <paramref name="value"/> is made from; its identity keys the bytes.</param>
    /// <param name="value">Makes the body from <paramref name="source"/>; called only when its bytes are not known.</param>
    public SerializedOnceOk(object source, Func<TValue> value)
    {
        _source = source;
        _value = value;
    }

    public int? StatusCode => StatusCodes.Status200OK;

    public TValue Value => _value();

    object? IValueHttpResult.Value => Value;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (!Bodies.TryGetValue(_source, out var body))
        {
            var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            body = JsonSerializer.SerializeToUtf8Bytes(_value(), options);
            Bodies.AddOrUpdate(_source, body);
        }

        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TValue), ["application/json"]));
    }
}

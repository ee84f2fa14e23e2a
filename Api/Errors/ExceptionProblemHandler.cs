using System.Text.Json;
using Collaboration.Api.Http;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Collaboration.Api.Errors;

/// <summary>
/// Turns exceptions into problem details with the statuses of the API contract. Whatever a client sent is
/// answered 4xx; only our own faults are 500, and those are logged.
/// </summary>
public sealed partial class ExceptionProblemHandler(IProblemDetailsService problemDetails, ILogger<ExceptionProblemHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        exception = Unwrap(exception);
        var problem = Map(exception, context);
        if (problem.Status >= 500 && exception is not StorageUnavailableException)
        {
            LogUnhandled(exception, context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = problem.Status ?? 500;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Map(Exception exception, HttpContext context)
    {
        switch (exception)
        {
            case DomainValidationException validation:
                return new HttpValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
                {
                    Status = StatusCodes.Status400BadRequest,
                    Detail = validation.Message,
                };
            case IdempotencyKeyReusedException reused:
                return new ProblemDetails { Status = StatusCodes.Status422UnprocessableEntity, Detail = reused.Message };
            case DomainException domain:
                return new ProblemDetails { Status = StatusOf(domain), Detail = domain.Message };
            case InconsistentStateException:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Detail = "The resource was changed by another request at the same time. Read it again and retry.",
                };
            case StorageUnavailableException unavailable:
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(unavailable.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Detail = "Storage cannot be reached right now; nothing was changed. Retry after the time in Retry-After.",
                };
            case OrleansException or TimeoutException:
                // The cluster could not run the call (a silo gone or hung, a provider failing): nothing the client did.
                context.Response.Headers.RetryAfter = "5";
                return new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Detail = "The grains could not answer in time; the change may not have been made. Retry after the time in Retry-After.",
                };
            case BadHttpRequestException { InnerException: JsonException json }:
                return JsonBodyProblem.From(json, BodyType(context), JsonOptions(context));
            case BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest, InnerException: null } when BodyType(context) is { } body:
                // No body, or a JSON null where the route needs an object.
                return JsonBodyProblem.Missing(body, JsonOptions(context));
            case BadHttpRequestException bad:
                return new ProblemDetails { Status = bad.StatusCode, Detail = bad.Message };
            case JsonException json:
                return JsonBodyProblem.From(json, BodyType(context), JsonOptions(context));
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return new ProblemDetails { Status = 499, Detail = "The client closed the request before the answer." };
            default:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Detail = "The server failed to handle this request. It has been logged.",
                };
        }
    }

    /// <summary>The type of the JSON body the matched route reads, if it reads one (the handler runs with the endpoint cleared).</summary>
    private static Type? BodyType(HttpContext context) =>
        (context.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint())?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    private static JsonSerializerOptions JsonOptions(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    /// <summary>Orleans hands a failure of a storage provider over wrapped; what counts is the failure inside.</summary>
    private static Exception Unwrap(Exception exception)
    {
        var inner = exception;
        while (inner is OrleansException and not (StorageUnavailableException or InconsistentStateException) && inner.InnerException is { } wrapped)
        {
            inner = wrapped;
        }

        return inner is StorageUnavailableException or InconsistentStateException or DomainException ? inner : exception;
    }

    private static int StatusOf(DomainException exception) => exception switch
    {
        ResourceNotFoundException => StatusCodes.Status404NotFound,
        ConflictException => StatusCodes.Status409Conflict,
        ForbiddenException => StatusCodes.Status403Forbidden,
        PreconditionFailedException => StatusCodes.Status412PreconditionFailed,
        _ => StatusCodes.Status400BadRequest,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}

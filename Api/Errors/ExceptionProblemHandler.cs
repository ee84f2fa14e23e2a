using System.Text.Json;
using Collaboration.Api.Http;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
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
                    Title = "One or more fields are invalid.",
                    Detail = validation.Message,
                };
            case IdempotencyKeyReusedException reused:
                return new ProblemDetails { Status = StatusCodes.Status422UnprocessableEntity, Title = "Idempotency key reused", Detail = reused.Message };
            case DomainException domain:
                return new ProblemDetails { Status = StatusOf(domain), Title = domain.Title, Detail = domain.Message };
            case InconsistentStateException:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Conflict",
                    Detail = "The resource was changed by another request at the same time. Read it again and retry.",
                };
            case StorageUnavailableException unavailable:
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(unavailable.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Storage unavailable",
                    Detail = "Storage cannot be reached right now; nothing was changed. Retry after the time in Retry-After.",
                };
            case OrleansException or TimeoutException:
                // The cluster could not run the call (a silo gone or hung, a provider failing): nothing the client did.
                context.Response.Headers.RetryAfter = "5";
                return new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service unavailable",
                    Detail = "The grains could not answer in time; the change may not have been made. Retry after the time in Retry-After.",
                };
            case BadHttpRequestException { InnerException: JsonException json }:
                return JsonProblem(json);
            case BadHttpRequestException bad:
                return new ProblemDetails { Status = bad.StatusCode, Title = TitleOf(bad.StatusCode), Detail = bad.Message };
            case JsonException json:
                return JsonProblem(json);
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return new ProblemDetails { Status = 499, Title = "Client closed request" };
            default:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Internal error",
                    Detail = "The server failed to handle this request. It has been logged.",
                };
        }
    }

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

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Payload too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Bad request",
    };

    /// <summary>A body that is not JSON, or JSON of the wrong shape: 400, naming the field when the parser knows it.</summary>
    private static HttpValidationProblemDetails JsonProblem(JsonException json)
    {
        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
        var message = json.Path is null
            ? "The body is not valid JSON."
            : $"The value at {json.Path} is not valid JSON or not of the expected type.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is invalid.",
            Detail = message,
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}

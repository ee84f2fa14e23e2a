using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Api.Errors;

/// <summary>Writes RFC 9457 problem details outside endpoints (authentication, middleware, rate limiter); the title is the status's (<see cref="ProblemTypes"/>).</summary>
public sealed class ProblemWriter(IProblemDetailsService problemDetails)
{
    public async Task WriteAsync(
        HttpContext context,
        int status,
        string detail,
        Action<IHeaderDictionary>? headers = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        headers?.Invoke(context.Response.Headers);
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}

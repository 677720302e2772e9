using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertPrep.Web.Hosting;

/// <summary>A small JSON body for <c>/health</c>: overall status and each check's status, never exception details.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

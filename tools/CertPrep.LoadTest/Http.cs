using System.Net;

namespace CertPrep.LoadTest;

/// <summary>HTTP clients for simulated learners: one connection pool per learner, as one browser would have.</summary>
internal static class Http
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A client with its own handler; <paramref name="cookies"/> null sends and keeps no cookies.</summary>
    public static HttpClient Create(Uri baseAddress, CookieContainer? cookies)
    {
        var handler = new SocketsHttpHandler
        {
            // Redirects are part of what is checked (302 after a form), so they are never followed silently.
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            // A closed loop needs one connection; a second only helps if a response is slow to be read.
            MaxConnectionsPerServer = 2,
            // Connections live for the whole run: reconnecting would be measured as latency.
            PooledConnectionLifetime = TimeSpan.FromHours(1),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = Timeout };
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CertPrep.Web.Hosting;

/// <summary>
/// Behind a reverse proxy (nginx, a load balancer) the client's address and scheme come from X-Forwarded-For and
/// X-Forwarded-Proto, trusted only from the proxies listed in <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges), loopback by default. With the scheme right, cookies are marked
/// Secure and HSTS is sent on HTTPS, and rate limits see the real client address.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static void AddCertPrepForwardedHeaders(this WebApplicationBuilder builder)
    {
        var proxies = Split(builder.Configuration["ForwardedHeaders:KnownProxies"]);
        var networks = Split(builder.Configuration["ForwardedHeaders:KnownNetworks"]);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new StartupConfigurationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                    ? range
                    : throw new StartupConfigurationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a CIDR range such as 10.0.0.0/8."));
            }
        });
    }

    private static string[] Split(string? list) =>
        list is null ? [] : list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

namespace CertPrep.Web.Tests.Infrastructure;

/// <summary>
/// A load balancer without affinity: sends each request to the next node in turn, so one learner's page and the form
/// posted from it land on different nodes. Counts what each node served.
/// </summary>
public sealed class RoundRobinHandler(IReadOnlyList<Uri> nodes) : DelegatingHandler(new HttpClientHandler { CookieContainer = new(), AllowAutoRedirect = false })
{
    private readonly int[] _served = new int[nodes.Count];
    private int _next;

    public IReadOnlyList<int> Served => _served;

    /// <summary>A browser-like client (cookies kept, redirects not followed) behind the balancer.</summary>
    public static (HttpClient Client, RoundRobinHandler Balancer) Client(params AppNode[] nodes)
    {
        var balancer = new RoundRobinHandler([.. nodes.Select(n => n.Address)]);
        return (new HttpClient(balancer) { BaseAddress = nodes[0].Address }, balancer);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = (Interlocked.Increment(ref _next) - 1) % nodes.Count;
        Interlocked.Increment(ref _served[index]);
        request.RequestUri = new UriBuilder(request.RequestUri!) { Host = nodes[index].Host, Port = nodes[index].Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}

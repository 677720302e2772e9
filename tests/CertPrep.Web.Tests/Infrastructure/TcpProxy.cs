using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CertPrep.Tests.Shared;
using CertPrep.Web.Data;
using Npgsql;

namespace CertPrep.Web.Tests.Infrastructure;

/// <summary>
/// A TCP relay on a loopback port in front of a real server. <see cref="Cut"/> resets every open connection and
/// refuses new ones (as a lost network or a stopped server does), <see cref="Restore"/> lets connections through
/// again: "the database was unreachable for a while".
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, (Socket Client, Socket Server)> _open = new();
    private readonly Task _accepting;
    private long _nextId;
    private int _refused;
    private volatile bool _cut;

    public TcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted while cut, each reset at once: proof the site kept trying.</summary>
    public int Refused => _refused;

    public void Cut()
    {
        _cut = true;
        foreach (var (client, server) in _open.Values)
        {
            Reset(client);
            Reset(server);
        }
    }

    public void Restore() => _cut = false;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (_cut)
            {
                Interlocked.Increment(ref _refused);
                Reset(client);
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var id = Interlocked.Increment(ref _nextId);
        _open[id] = (client, server);
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            if (_cut) // cut while this connection was being made: Cut may not have seen it
            {
                return;
            }

            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // the other side went away, or the proxy stopped
        }
        finally
        {
            _open.TryRemove(id, out _);
            Reset(client);
            Reset(server);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // reset by Cut or by the other side
        }
    }

    /// <summary>Closes with RST, as a dropped connection looks to both ends.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // already closed
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}

/// <summary>A fresh database on the test PostgreSQL server that the site reaches only through a <see cref="TcpProxy"/>.</summary>
public sealed class ProxiedPostgresDatabase : TestDatabase
{
    private readonly PostgresTestDatabase _database = new();

    public ProxiedPostgresDatabase()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresTestDatabase.Server);
        Proxy = new TcpProxy(server.Host ?? "127.0.0.1", server.Port);
    }

    public TcpProxy Proxy { get; }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    /// <summary>Through the proxy: what the site uses.</summary>
    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = Proxy.Port }.ConnectionString;

    /// <summary>Straight to the server: what the test checks the data with, whatever the proxy does.</summary>
    public string DirectConnectionString => _database.ConnectionString;

    public override async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await _database.DisposeAsync();
    }
}

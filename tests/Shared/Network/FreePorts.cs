using System.Net;
using System.Net.Sockets;

namespace Collaboration.Tests.Network;

/// <summary>Loopback ports nobody listens on now, for silos and gateways of hosts that run side by side.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

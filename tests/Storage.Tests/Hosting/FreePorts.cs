using System.Net;
using System.Net.Sockets;

namespace Quorum.Storage.Tests.Hosting;

/// <summary>Loopback ports the OS reports free, so that silos of tests running in parallel never collide.</summary>
internal static class FreePorts
{
    public static (int Silo, int Gateway) ForSilo()
    {
        // Both listeners stay open until both ports are known, so the OS cannot hand out the same port twice.
        var silo = new TcpListener(IPAddress.Loopback, 0);
        var gateway = new TcpListener(IPAddress.Loopback, 0);
        silo.Start();
        gateway.Start();
        try
        {
            return (((IPEndPoint)silo.LocalEndpoint).Port, ((IPEndPoint)gateway.LocalEndpoint).Port);
        }
        finally
        {
            silo.Stop();
            gateway.Stop();
        }
    }
}

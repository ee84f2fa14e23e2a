using System.Reflection;
using System.Security.Cryptography;

namespace Collaboration.Api.Features.Dashboard;

/// <summary>One file of the dashboard, read once from the assembly's embedded resources and served from memory.</summary>
internal sealed class DashboardAsset
{
    private DashboardAsset(byte[] content, string contentType)
    {
        Content = content;
        ContentType = contentType;
        ETag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"";
    }

    public byte[] Content { get; }

    public string ContentType { get; }

    public string ETag { get; }

    public static DashboardAsset Load(string fileName, string contentType)
    {
        var name = "Collaboration.Api.Dashboard." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The dashboard file '{name}' is not embedded in the API assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new DashboardAsset(copy.ToArray(), contentType);
    }
}

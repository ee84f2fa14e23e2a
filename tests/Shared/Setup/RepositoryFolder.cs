namespace Collaboration.Tests.Setup;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds Collaboration.sln.</summary>
internal static class RepositoryFolder
{
    /// <summary>The checkout's root folder, or null when the tests run from binaries copied out of it.</summary>
    public static string? TryFind()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Collaboration.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>The checkout's root folder.</summary>
    public static string Root =>
        TryFind() ?? throw new InvalidOperationException($"No Collaboration.sln above {AppContext.BaseDirectory}.");
}

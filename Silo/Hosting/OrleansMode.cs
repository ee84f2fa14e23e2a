namespace Collaboration.Silo.Hosting;

/// <summary>How an Api process reaches the grains (<c>Collaboration:Orleans:Mode</c>).</summary>
public enum OrleansMode
{
    /// <summary>The Api hosts a silo in its own process (the default: one process, nothing else to run).</summary>
    CoHosted,

    /// <summary>The Api is an Orleans client of silos started on their own (<c>dotnet run --project Silo</c>).</summary>
    Client,
}

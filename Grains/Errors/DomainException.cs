namespace Collaboration.Grains.Errors;

/// <summary>A request the domain refuses. The API maps each kind to its HTTP status (see the derived types).</summary>
[GenerateSerializer, Alias("collaboration.DomainException")]
public abstract class DomainException : Exception
{
    protected DomainException(string title, string message)
        : base(message)
    {
        Title = title;
    }

    /// <summary>A short, stable summary of the kind of problem ("Not found", "Conflict", ...).</summary>
    [Id(0)]
    public string Title { get; }
}

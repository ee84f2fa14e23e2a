namespace Collaboration.Silo.Runtime;

/// <summary>The single-process grain runtime.</summary>
public sealed class GrainRuntime : IGrainFactory
{
    public TimeProvider TimeProvider { get; } = TimeProvider.System;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey => throw new NotImplementedException();
}

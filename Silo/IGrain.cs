namespace Collaboration.Silo;

/// <summary>Marker for grain interfaces. Every method of a grain interface returns <see cref="Task"/> or <see cref="Task{TResult}"/>.</summary>
public interface IGrain;

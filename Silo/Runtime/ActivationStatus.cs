namespace Collaboration.Silo.Runtime;

internal enum ActivationStatus
{
    Created,
    Active,
    Deactivated,
}

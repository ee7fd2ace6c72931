using Orleans.Runtime;
using Orleans.Storage;

namespace Quorum.Storage;

/// <summary>
/// The provider grains see as <see cref="QuorumStorage.ProviderName"/>: Orleans' ADO.NET grain storage, called
/// with an identity that cannot collide (see <see cref="StoredGrainIdentity"/>). Versions, ETags and
/// <see cref="InconsistentStateException"/> pass through unchanged.
/// </summary>
internal sealed class QuorumGrainStorage(IGrainStorage adoNet) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        adoNet.ReadStateAsync(StoredGrainIdentity.StateType(stateName, grainId), StoredGrainIdentity.OpaqueKey(grainId), grainState);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        adoNet.ReadStateAsync(StoredGrainIdentity.StateType(stateName, grainId), StoredGrainIdentity.OpaqueKey(grainId), grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        adoNet.WriteStateAsync(StoredGrainIdentity.StateType(stateName, grainId), StoredGrainIdentity.OpaqueKey(grainId), grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        adoNet.WriteStateAsync(StoredGrainIdentity.StateType(stateName, grainId), StoredGrainIdentity.OpaqueKey(grainId), grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        adoNet.ClearStateAsync(StoredGrainIdentity.StateType(stateName, grainId), StoredGrainIdentity.OpaqueKey(grainId), grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        adoNet.ClearStateAsync(StoredGrainIdentity.StateType(stateName, grainId), StoredGrainIdentity.OpaqueKey(grainId), grainState, cancellationToken);
}
